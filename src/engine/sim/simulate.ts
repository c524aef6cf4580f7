/**
 * simulate(): connections from a source to a target, each packet walked both ways through the
 * cluster with the nodes' real rules, conntrack and routes. Pure: the same cluster, request and
 * seed always give the same trace.
 *
 * @example
 * const r = simulate(cluster, { from: { kind: 'pod', namespace: 'default', name: 'client' },
 *   to: { kind: 'service', namespace: 'default', name: 'clusterip-service' } }, { seed: 7 });
 * if (r.ok) console.log(formatTrace(r.value));
 */
import { findPodNamespace } from '../cni/find.ts';
import type { ClusterModel } from '../k8s/cluster-model.ts';
import type { Ruleset } from '../iptables/ruleset.ts';
import type { Packet } from '../netfilter/packet.ts';
import { TCP_ACK, TCP_PSH, TCP_SYN } from '../netfilter/packet.ts';
import {
  resolveRequest,
  type Resolution,
  type ResolvedRequest,
  type TraceRequest,
} from './request.ts';
import { lost } from './hops.ts';
import { createRng } from './rng.ts';
import type { ConnectionTrace, Outcome, PacketTrace, Trace } from './trace.ts';
import { msg } from './trace-messages.ts';
import { ipOf, walkFromHost, walkFromOutside, walkFromPod, type Walk } from './walk.ts';
import { createWorld, type World } from './world.ts';
import { lookupRoute } from '../routing/lookup.ts';

export interface SimulateOptions {
  readonly seed: number;
  /** How many connections keep their hops (the rest keep outcomes only). Default 1. */
  readonly detail?: number;
  /** Kernel tables to use instead of the generated ones, per node. */
  readonly rules?: readonly { readonly node: string; readonly ruleset: Ruleset }[];
  /** `fast` (default) or the `linear` oracle evaluator. */
  readonly evaluator?: 'fast' | 'linear';
}

const PROTO_NUMBER = { tcp: 6, udp: 17, sctp: 132 } as const;

/** Where a walk starts: a pod's namespace, a node's host namespace, or outside. */
type Place =
  | { kind: 'pod'; node: string; nsId: string }
  | { kind: 'node'; node: string }
  | { kind: 'outside' };

function startOf(world: World, req: ResolvedRequest): Place | string {
  const from = req.from;
  if (from.kind === 'external') return { kind: 'outside' };
  if (from.kind === 'node') return { kind: 'node', node: from.name };
  const ns = findPodNamespace(world.network, from.namespace, from.name);
  if (!ns) return `pod ${from.namespace}/${from.name} has no network namespace`;
  return ns.kind === 'host'
    ? { kind: 'node', node: ns.node }
    : { kind: 'pod', node: ns.node, nsId: ns.id };
}

/**
 * A process on a node does not bind its socket: its connections take the source address the
 * route to the destination gives (`ip route get`: the bridge's own address for a local pod,
 * 127.0.0.1 for localhost), as the kernel does (datapath.md §4.7, §6.5 b).
 */
function withRoutedSource(world: World, req: ResolvedRequest, start: Place): ResolvedRequest {
  if (start.kind !== 'node') return req;
  const rt = world.nodes.get(start.node);
  const src = rt ? lookupRoute(rt.net.host, req.dstIp).src : null;
  return src && src !== req.srcIp ? { ...req, srcIp: src } : req;
}

/** Where a delivered packet was received, for the reply to start from. */
function placeOf(world: World, outcome: Outcome): Place | null {
  if (outcome.kind !== 'delivered') return null;
  if (outcome.node === null) return { kind: 'outside' };
  const ns = world.network.nodes
    .find((n) => n.node === outcome.node)
    ?.pods.find((p) => p.pod && outcome.to.startsWith(`pod ${p.pod.namespace}/${p.pod.name}`));
  return ns
    ? { kind: 'pod', node: outcome.node, nsId: ns.id }
    : { kind: 'node', node: outcome.node };
}

function walk(
  world: World,
  place: Place,
  p: Packet,
  record: boolean,
): { outcome: Outcome; w: Walk } {
  const w: Walk = { world, record, hops: [] };
  if (place.kind === 'outside') return { outcome: walkFromOutside(w, p), w };
  const rt = world.nodes.get(place.node);
  if (!rt) return { outcome: lost('unreachable', null, msg('noNode', { node: place.node })), w };
  if (place.kind === 'node') return { outcome: walkFromHost(w, rt, p), w };
  const ns = rt.net.pods.find((x) => x.id === place.nsId);
  if (!ns)
    return {
      outcome: lost('unreachable', place.node, msg('noNamespace', { id: place.nsId })),
      w,
    };
  return { outcome: walkFromPod(w, ns, p), w };
}

function packetOf(req: ResolvedRequest, sport: number, flags: number, length: number): Packet {
  return {
    src: ipOf(req.srcIp),
    dst: ipOf(req.dstIp),
    proto: PROTO_NUMBER[req.protocol],
    sport,
    dport: req.dport,
    mark: 0,
    length,
    ttl: 64,
    tcpFlags: req.protocol === 'tcp' ? flags : 0,
  };
}

/** The reply to `received` (the packet as the server saw it). */
function replyTo(
  received: { src: string; sport: number; dst: string; dport: number },
  proto: number,
  flags: number,
): Packet {
  return {
    src: ipOf(received.dst),
    dst: ipOf(received.src),
    proto,
    sport: received.dport,
    dport: received.sport,
    mark: 0,
    length: flags & TCP_SYN ? 60 : 52,
    ttl: 64,
    tcpFlags: proto === 6 ? flags : 0,
  };
}

function runConnection(
  world: World,
  req: ResolvedRequest,
  start: Place,
  index: number,
  record: boolean,
): ConnectionTrace {
  // Linux picks ephemeral ports at random from 32768–60999.
  const sport = 32768 + Math.floor(world.rng() * (60999 - 32768 + 1));
  const packets: PacketTrace[] = [];
  let backend: ConnectionTrace['backend'] = null;
  let outcome: Outcome | null = null;
  for (let k = 0; k < req.packets; k++) {
    const first = k === 0;
    const p = packetOf(req, sport, first ? TCP_SYN : TCP_ACK | TCP_PSH, first ? 60 : 52);
    const there = walk(world, start, p, record);
    world.nowMs += 1;
    const lastHop = there.w.hops.at(-1);
    packets.push({ direction: 'original', hops: there.w.hops, outcome: there.outcome });
    if (first) outcome = there.outcome;
    if (there.outcome.kind !== 'delivered') break;
    if (first) {
      const node = there.outcome.node;
      const pod = there.outcome.to.startsWith('pod ') ? there.outcome.to.slice(4) : null;
      backend = { ip: there.outcome.ip, port: there.outcome.port, pod, node };
    }
    const place = placeOf(world, there.outcome);
    if (!place) break;
    // The server answers the packet as it received it (after any NAT on the way).
    const seen = lastHop
      ? {
          src: lastHop.after.src,
          sport: lastHop.after.sport,
          dst: lastHop.after.dst,
          dport: lastHop.after.dport,
        }
      : { src: req.srcIp, sport, dst: there.outcome.ip, dport: there.outcome.port };
    const reply = replyTo(seen, p.proto, first ? TCP_SYN | TCP_ACK : TCP_ACK);
    const back = walk(world, place, reply, record);
    world.nowMs += 1;
    const arrived = back.w.hops.at(-1)?.after;
    let replyOutcome = back.outcome;
    // The client's socket only accepts a reply from the address it connected to (datapath.md §6.5 d).
    if (
      replyOutcome.kind === 'delivered' &&
      arrived &&
      (arrived.src !== req.dstIp || arrived.sport !== req.dport)
    ) {
      replyOutcome = lost(
        'dropped',
        replyOutcome.node,
        msg('replyMismatch', {
          from: `${arrived.src}:${arrived.sport}`,
          expected: `${req.dstIp}:${req.dport}`,
        }),
      );
      if (first) outcome = replyOutcome;
    }
    packets.push({ direction: 'reply', hops: back.w.hops, outcome: replyOutcome });
    if (replyOutcome.kind !== 'delivered') break;
  }
  return {
    index,
    sport,
    backend,
    outcome: outcome ?? lost('unreachable', null, msg('nothingSent', {})),
    packets: record ? packets : [],
  };
}

/** Simulates `request` on `cluster`; an error when names do not resolve or rules cannot be read. */
export function simulate(
  cluster: ClusterModel,
  request: TraceRequest,
  options: SimulateOptions,
): Resolution<Trace> {
  const resolved = resolveRequest(cluster, request);
  if (!resolved.ok) return resolved;
  const rng = createRng(options.seed);
  const made = createWorld(cluster, rng, {
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.evaluator ? { evaluator: options.evaluator } : {}),
  });
  if (!made.ok) return { ok: false, error: made.error };
  const world = made.world;
  const start = startOf(world, resolved.value);
  if (typeof start === 'string') return { ok: false, error: start };
  const req = withRoutedSource(world, resolved.value, start);
  const detail = options.detail ?? 1;
  const connections: ConnectionTrace[] = [];
  for (let i = 0; i < req.connections; i++) {
    connections.push(runConnection(world, req, start, i, i < detail));
    world.nowMs += 10;
  }
  return { ok: true, value: { request: req, seed: options.seed, connections } };
}
