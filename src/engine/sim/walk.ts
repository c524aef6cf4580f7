/**
 * One packet's walk through the cluster: the pod's namespace and veth, the node's bridge with
 * br_netfilter, the netfilter hooks (datapath.md §6.1) with conntrack, routing, Weave's VXLAN
 * overlay, the LAN. Each step appends a Hop; the walk ends in an Outcome.
 */
import { bridgePortFor, type BridgeLocation } from '../cni/bridge-port.ts';
import { findNamespace } from '../cni/find.ts';
import { resolveOnLink } from '../cni/l2.ts';
import type { NetNamespace } from '../cni/network-model.ts';
import { overlayPath } from '../cni/overlay-path.ts';
import { flowSourcePort } from '../cni/vxlan.ts';
import type { ClusterModel } from '../k8s/cluster-model.ts';
import { cidrContains, formatCidr, formatIp, parseCidr, parseIp, type Ip } from '../net/ip.ts';
import { conntrackConfirm, conntrackIn } from '../netfilter/conntrack.ts';
import { formatConntrackEntry } from '../netfilter/conntrack-format.ts';
import type { CtInfo, PhysdevInfo } from '../netfilter/context.ts';
import { runHook, type Hook, type HookResult } from '../netfilter/hook.ts';
import type { Packet } from '../netfilter/packet.ts';
import { lookupRoute, type RouteLookup } from '../routing/lookup.ts';
import { arpAnswerMsg, arpFailureMsg } from './arp-messages.ts';
import { dropReasonMsg, hookHop, lost, noteFields, viewOf, type Outer } from './hops.ts';
import type { Hop, HopKind, Outcome } from './trace.ts';
import { msg, type PodName, type TraceMessage, type TraceText } from './trace-messages.ts';
import type { NodeRuntime, World } from './world.ts';

/** The state of one walk. */
export interface Walk {
  readonly world: World;
  /** Record hops (off for bulk connections: only outcomes are kept). */
  readonly record: boolean;
  readonly hops: Hop[];
}

const podLabel = (ns: NetNamespace) => (ns.pod ? `pod ${ns.pod.namespace}/${ns.pod.name}` : 'host');
const podName = (ns: NetNamespace): PodName =>
  ns.pod ? `${ns.pod.namespace}/${ns.pod.name}` : null;

function add(
  w: Walk,
  hop: Omit<Hop, 'after' | 'note' | 'noteMsg'> & { after?: Hop['after']; noteMsg: TraceText },
): void {
  if (w.record) w.hops.push({ ...hop, after: hop.after ?? hop.before, ...noteFields(hop.noteMsg) });
}

function simpleHop(
  w: Walk,
  kind: HopKind,
  node: string | null,
  namespace: string,
  p: Packet,
  noteMsg: TraceText,
  extra: Partial<Hop> = {},
): void {
  if (!w.record) return;
  add(w, { kind, node, namespace, before: viewOf(p), noteMsg, ...extra });
}

function runtime(w: Walk, node: string): NodeRuntime {
  const rt = w.world.nodes.get(node);
  if (!rt) throw new Error(`no runtime for node ${node}`);
  return rt;
}

function routeText(r: RouteLookup): string {
  if (r.type === 'unreachable') return `unreachable (${r.errno ?? 'ENETUNREACH'})`;
  if (r.type === 'local') return 'local';
  return r.via ? `via ${r.via} dev ${r.dev}` : `dev ${r.dev}`;
}

/** Runs one hook on a node and records it; returns null when the packet died there. */
function hook(
  w: Walk,
  rt: NodeRuntime,
  name: Hook,
  p: Packet,
  ct: CtInfo,
  inIface: string | null,
  outIface: string | null,
  physdev: PhysdevInfo | null,
  tunnel = false,
): { result: HookResult; outcome: Outcome | null } {
  const ctx = {
    inIface,
    outIface,
    physdev,
    addresses: rt.addresses,
    ipsets: rt.ipsets,
    ct,
    rng: w.world.rng,
    nowMs: w.world.nowMs,
  };
  const result = runHook(rt.evaluator, name, p, ctx, rt.state, { conntrack: rt.conntrack });
  const entry = result.ct.entry;
  if (w.record) {
    const ctText = entry ? formatConntrackEntry(entry, w.world.nowMs) : undefined;
    const hop = hookHop(rt.name, inIface ?? outIface ?? undefined, result, p, ctText);
    w.hops.push(tunnel ? { ...hop, tunnel: true } : hop);
  }
  const v = result.verdict;
  const last = result.tables.flatMap((t) => t.result?.steps ?? []).at(-1);
  const rule = last?.ruleText || null;
  if (v.kind === 'DROP') {
    const why =
      result.reason === null ? msg('droppedIn', { hook: name, rule }) : dropReasonMsg(result);
    return { result, outcome: lost('dropped', rt.name, why) };
  }
  if (v.kind === 'REJECT')
    return {
      result,
      outcome: lost('rejected', rt.name, msg('rejectedIn', { hook: name, rule, with: v.with })),
    };
  if (v.kind === 'ERROR')
    return {
      result,
      outcome: lost('dropped', rt.name, msg('evaluationError', { message: v.error.message })),
    };
  return { result, outcome: null };
}

function confirm(rt: NodeRuntime, ct: CtInfo): Outcome | null {
  if (!ct.entry) return null;
  const entry = conntrackConfirm(rt.conntrack, ct);
  if (entry) return null;
  return lost('dropped', rt.name, msg('conntrackClash', {}));
}

const decTtl = (p: Packet): Packet => ({ ...p, ttl: p.ttl - 1 });

/** A packet a pod sends: its own routing, ARP, and the veth into the node. */
export function walkFromPod(w: Walk, ns: NetNamespace, p: Packet): Outcome {
  const label = podLabel(ns);
  const pod = podName(ns);
  const dst = formatIp(p.dst);
  const r = lookupRoute(ns, dst);
  // A packet to the pod's own address never reaches eth0: it is sent on lo.
  const dev = r.type === 'local' ? 'lo' : 'eth0';
  simpleHop(w, 'send', ns.node, label, p, [msg('podSends', { pod, dev })], { iface: dev });
  if (r.type === 'local') {
    simpleHop(w, 'loopback', ns.node, label, p, [msg('loopback', { dst })], {
      iface: 'lo',
      verdict: 'local',
    });
    return { kind: 'delivered', node: ns.node, to: `${label} itself`, ip: dst, port: p.dport };
  }
  if (r.type === 'unreachable' || !r.dev) {
    simpleHop(w, 'unreachable', ns.node, label, p, [msg('podNoRoute', { dst })], {
      verdict: routeText(r),
    });
    return lost('unreachable', ns.node, msg('podNoRouteIn', { dst, pod }));
  }
  const nextHop = r.via ?? dst;
  const onLink = resolveOnLink(w.world.network, ns, r.dev, nextHop);
  const how = r.via ? msg('offLink', { dst, via: r.via }) : msg('onLink', { dst, dev: r.dev });
  simpleHop(w, 'route', ns.node, label, p, [how, arpAnswerMsg(nextHop, onLink.owner)], {
    iface: r.dev,
    verdict: routeText(r),
  });
  if (!onLink.owner) {
    const reason =
      onLink.reason === null
        ? msg('arpNobody', { ip: nextHop })
        : arpFailureMsg(ns, r.dev, nextHop, onLink);
    simpleHop(w, 'unreachable', ns.node, label, p, [reason, msg('ehostunreach', {})]);
    return lost('unreachable', ns.node, reason);
  }
  const rt = runtime(w, ns.node);
  const port = rt.net.bridge.ports.find((x) => x.namespace === ns.id);
  if (!port) throw new Error(`no bridge port for ${ns.id}`);
  simpleHop(
    w,
    'veth',
    ns.node,
    'host',
    p,
    [msg('veth', { dev: port.dev, bridge: rt.net.bridge.name })],
    {
      iface: port.dev,
      link: `veth:${ns.id}`,
    },
  );
  const toBridge = onLink.owner.kind === 'bridge' && onLink.owner.node === ns.node;
  return hostIngress(w, rt, p, rt.net.bridge.name, port.dev, toBridge ? null : nextHop);
}

/**
 * A packet entering a node's stack: from its bridge (a pod port or Weave's vethwe-bridge, with
 * br_netfilter) or from eth0. `l2Target` is the address the frame was sent to when it was not
 * addressed to the node itself (the bridge switches it unless DNAT changed the destination).
 */
export function hostIngress(
  w: Walk,
  rt: NodeRuntime,
  p0: Packet,
  inIface: string,
  physIn: string | null,
  l2Target: string | null,
): Outcome {
  let p = p0;
  const physdev = physIn ? { in: physIn, out: null } : null;
  let ct = conntrackIn(rt.conntrack, p, w.world.nowMs);
  const pre = hook(w, rt, 'PREROUTING', p, ct, inIface, null, physdev);
  if (pre.outcome) return pre.outcome;
  p = pre.result.packet;
  ct = pre.result.ct;
  const dst = formatIp(p.dst);
  const dnat = pre.result.nat?.manip === 'dst';
  const bridge = rt.net.bridge.name;
  if (l2Target !== null && !dnat) {
    const loc = bridgePortFor(w.world.network, rt.name, l2Target);
    if (loc.kind !== 'bridge')
      return forwardOnBridge(
        w,
        rt,
        p,
        ct,
        physIn,
        loc,
        msg('bridgeSwitches', { target: l2Target, bridge }),
      );
  }
  const r = lookupRoute(rt.net.host, dst);
  if (r.type === 'local' || r.type === 'broadcast') {
    simpleHop(w, 'route', rt.name, 'host', p, [msg('localDelivery', { dst, node: rt.name })], {
      verdict: 'local',
    });
    const inp = hook(w, rt, 'INPUT', p, ct, inIface, null, physdev);
    if (inp.outcome) return inp.outcome;
    p = inp.result.packet;
    const bad = confirm(rt, inp.result.ct);
    if (bad) return bad;
    simpleHop(w, 'deliver', rt.name, 'host', p, [
      msg('deliverProcess', { node: rt.name, dst, port: p.dport }),
    ]);
    return { kind: 'delivered', node: rt.name, to: `node ${rt.name}`, ip: dst, port: p.dport };
  }
  if (r.type === 'unreachable' || !r.dev) {
    const noRoute = msg('nodeNoRoute', { node: rt.name, dst });
    simpleHop(w, 'unreachable', rt.name, 'host', p, [noRoute], { verdict: routeText(r) });
    return lost('unreachable', rt.name, noRoute);
  }
  const nextHop = r.via ?? dst;
  if (r.dev === bridge && inIface === bridge) {
    // DNAT sent a bridged frame back into its bridge: br_netfilter keeps switching it.
    const loc = bridgePortFor(w.world.network, rt.name, nextHop);
    return forwardOnBridge(w, rt, p, ct, physIn, loc, msg('bridgedDnat', { dst, bridge }), inIface);
  }
  simpleHop(
    w,
    'route',
    rt.name,
    'host',
    p,
    [msg('nodeRoutes', { node: rt.name, dst, route: routeText(r) })],
    {
      verdict: routeText(r),
      iface: r.dev,
    },
  );
  const routed = decTtl(p);
  if (r.dev === bridge) {
    const loc = bridgePortFor(w.world.network, rt.name, nextHop);
    return forwardOnBridge(w, rt, routed, ct, physIn, loc, null, inIface);
  }
  const fwd = hook(w, rt, 'FORWARD', routed, ct, inIface, r.dev, physdev);
  if (fwd.outcome) return fwd.outcome;
  const post = hook(w, rt, 'POSTROUTING', fwd.result.packet, fwd.result.ct, null, r.dev, physdev);
  if (post.outcome) return post.outcome;
  const bad = confirm(rt, post.result.ct);
  if (bad) return bad;
  return lanEgress(w, rt, post.result.packet, nextHop, r.dev);
}

/**
 * FORWARD and POSTROUTING for a packet leaving through the pod bridge, then out of the port. A
 * frame the bridge switches (`why` says why) has its port chosen first, and br_netfilter gives
 * the hooks both bridge ports (`physdev`). A packet routed into the bridge (`why` null) goes
 * through the IP layer's hooks with no bridge information (physdev_mt: no `--physdev-out`, not
 * `--physdev-is-bridged`), and the bridge picks the port only when it transmits it.
 */
function forwardOnBridge(
  w: Walk,
  rt: NodeRuntime,
  p: Packet,
  ct: CtInfo,
  physIn: string | null,
  loc: BridgeLocation,
  why: TraceMessage | null,
  inIface?: string,
): Outcome {
  const bridge = rt.net.bridge.name;
  const dst = formatIp(p.dst);
  if (loc.kind === 'none') {
    const noArp = msg('bridgeNoArp', { node: rt.name, bridge, dst });
    simpleHop(w, 'unreachable', rt.name, 'host', p, why ? [why, noArp] : [noArp]);
    return lost('unreachable', rt.name, msg('bridgeNobody', { node: rt.name, bridge, dst }));
  }
  const outPort = loc.kind === 'bridge' ? null : loc.port;
  const fdb = msg('fdb', { bridge, dst, port: outPort });
  // A bridge sends a frame back out its ingress port only in hairpin mode (datapath.md §1.3).
  if (why && outPort !== null && outPort === physIn) {
    const port = rt.net.host.interfaces.find((i) => i.name === outPort);
    if (port && !port.hairpin) {
      const refused = msg('noHairpin', { bridge, port: outPort });
      simpleHop(w, 'drop', rt.name, 'host', p, [why, fdb, refused], { iface: bridge });
      return lost('dropped', rt.name, refused);
    }
  }
  const switchHop = (q: Packet, notes: TraceMessage[]) =>
    simpleHop(w, 'bridge', rt.name, 'host', q, notes, {
      iface: bridge,
      verdict: outPort ?? bridge,
    });
  if (why) switchHop(p, [why, fdb]);
  const physdev = why ? { in: physIn, out: outPort } : physIn ? { in: physIn, out: null } : null;
  const fwd = hook(w, rt, 'FORWARD', p, ct, inIface ?? bridge, bridge, physdev);
  if (fwd.outcome) return fwd.outcome;
  const post = hook(w, rt, 'POSTROUTING', fwd.result.packet, fwd.result.ct, null, bridge, physdev);
  if (post.outcome) return post.outcome;
  const bad = confirm(rt, post.result.ct);
  if (bad) return bad;
  if (!why) switchHop(post.result.packet, [fdb]);
  return bridgeEgress(w, rt, post.result.packet, loc);
}

/** Out of a bridge port: into a local pod, or into Weave's datapath and across the overlay. */
function bridgeEgress(w: Walk, rt: NodeRuntime, p0: Packet, loc: BridgeLocation): Outcome {
  let p = p0;
  const dst = formatIp(p.dst);
  if (loc.kind === 'pod') {
    p = { ...p, mark: 0 };
    const ns = findNamespace(w.world.network, loc.namespace);
    const pod = ns ? podName(ns) : `${loc.pod.namespace}/${loc.pod.name}`;
    const label = pod === null ? 'host' : `pod ${pod}`;
    simpleHop(w, 'veth', rt.name, label, p, [msg('vethIntoPod', { port: loc.port })], {
      iface: 'eth0',
      link: `veth:${loc.namespace}`,
    });
    simpleHop(w, 'deliver', rt.name, label, p, [msg('deliverPod', { pod, dst, port: p.dport })]);
    return { kind: 'delivered', node: rt.name, to: label, ip: dst, port: p.dport };
  }
  if (loc.kind === 'overlay') return crossOverlay(w, rt, p, loc.node);
  if (loc.kind === 'bridge') return hostIngress(w, rt, p, rt.net.bridge.name, null, null);
  return lost('unreachable', rt.name, msg('nobodyHas', { dst }));
}

/** Weave fastdp: VXLAN encapsulation on one node, the LAN, decapsulation on the other. */
function crossOverlay(w: Walk, rt: NodeRuntime, p: Packet, toNode: string): Outcome {
  const path = overlayPath(w.world.network, rt.name, toNode);
  if (path.kind === 'none') {
    const none = msg('noOverlay', { from: rt.name, to: toNode, reason: path.reason });
    simpleHop(w, 'unreachable', rt.name, 'host', p, [none]);
    return lost('unreachable', rt.name, none);
  }
  const flow = {
    src: formatIp(p.src),
    dst: formatIp(p.dst),
    protocol: viewOf(p).protocol,
    srcPort: p.sport,
    dstPort: p.dport,
  };
  const outer: Outer = {
    src: path.src,
    dst: path.dst,
    sport: flowSourcePort(flow),
    dport: path.port,
    vni: path.vni,
  };
  // The skb mark is local to a host: it does not travel on the wire, and the far node's
  // decapsulated packet starts without it.
  const unmarked = { ...p, mark: 0 };
  if (w.record)
    add(w, {
      kind: 'encap',
      node: rt.name,
      namespace: 'host',
      iface: 'vxlan-6784',
      before: viewOf(p),
      after: viewOf(p, outer),
      noteMsg: [msg('encap', { vni: path.vni, src: path.src, dst: path.dst, port: path.port })],
    });
  // The outer datagram is the node's own UDP packet (the vxlan device sends it with
  // ip_local_out): OUTPUT and POSTROUTING here, PREROUTING and INPUT on the far node, each
  // with a conntrack entry of its own (datapath.md §4.6 steps 5 and 7).
  const datagram: Packet = {
    src: parseIp(path.src)!,
    dst: parseIp(path.dst)!,
    proto: 17,
    sport: outer.sport,
    dport: path.port,
    mark: 0,
    length: p.length + VXLAN_OVERHEAD,
    ttl: 64,
    tcpFlags: 0,
  };
  const out = datagramOut(w, rt, datagram);
  if (out) return out;
  if (w.record)
    add(w, {
      kind: 'wire',
      node: null,
      namespace: 'wire',
      iface: 'eth0',
      link: `overlay:${rt.name}>${toNode}`,
      before: viewOf(unmarked, outer),
      noteMsg: [
        msg('wireOverlay', {
          from: rt.name,
          src: path.src,
          to: toNode,
          dst: path.dst,
          port: path.port,
        }),
      ],
    });
  const remote = runtime(w, toNode);
  const into = datagramIn(w, remote, datagram);
  if (into) return into;
  if (w.record)
    add(w, {
      kind: 'decap',
      node: toNode,
      namespace: 'host',
      iface: 'vxlan-6784',
      before: viewOf(unmarked, outer),
      after: viewOf(unmarked),
      noteMsg: [msg('decap', { node: toNode })],
    });
  return hostIngress(w, remote, unmarked, remote.net.bridge.name, 'vethwe-bridge', formatIp(p.dst));
}

/** Outer IPv4 length over the inner one: inner Ethernet 14, VXLAN 8, UDP 8, outer IPv4 20. */
const VXLAN_OVERHEAD = 50;

/** The node's own VXLAN datagram leaving by eth0; an outcome when netfilter stops it. */
function datagramOut(w: Walk, rt: NodeRuntime, d: Packet): Outcome | null {
  const ct = conntrackIn(rt.conntrack, d, w.world.nowMs);
  const out = hook(w, rt, 'OUTPUT', d, ct, null, 'eth0', null, true);
  if (out.outcome) return out.outcome;
  const post = hook(
    w,
    rt,
    'POSTROUTING',
    out.result.packet,
    out.result.ct,
    null,
    'eth0',
    null,
    true,
  );
  if (post.outcome) return post.outcome;
  return confirm(rt, post.result.ct);
}

/** A VXLAN datagram arriving on eth0 for the node's own UDP socket; an outcome when stopped. */
function datagramIn(w: Walk, rt: NodeRuntime, d: Packet): Outcome | null {
  const ct = conntrackIn(rt.conntrack, d, w.world.nowMs);
  const pre = hook(w, rt, 'PREROUTING', d, ct, 'eth0', null, null, true);
  if (pre.outcome) return pre.outcome;
  const inp = hook(w, rt, 'INPUT', pre.result.packet, pre.result.ct, 'eth0', null, null, true);
  if (inp.outcome) return inp.outcome;
  return confirm(rt, inp.result.ct);
}

/** Out of eth0: to another node on the LAN, or out of the cluster through the LAN gateway. */
function lanEgress(w: Walk, rt: NodeRuntime, p: Packet, nextHop: string, dev: string): Outcome {
  const dst = formatIp(p.dst);
  const target = w.world.cluster.nodes.find(
    (n) => n.internalIP === nextHop || n.internalIP === dst,
  );
  // The skb mark is local to a host: it does not go on the wire.
  const onWire = { ...p, mark: 0 };
  if (target && target.name !== rt.name) {
    simpleHop(
      w,
      'wire',
      null,
      'wire',
      onWire,
      [msg('wireLan', { from: rt.name, to: target.name, ip: target.internalIP })],
      { iface: dev, link: `lan:${rt.name}>${target.name}` },
    );
    return hostIngress(w, runtime(w, target.name), onWire, 'eth0', null, null);
  }
  simpleHop(
    w,
    'wire',
    null,
    'outside',
    onWire,
    [msg('leavesCluster', { node: rt.name, dev, nextHop })],
    { iface: dev, link: `lan:${rt.name}>outside` },
  );
  // Service and pod addresses are the cluster's own: no host outside answers for them.
  const range = clusterRangeOf(w.world.cluster, p.dst);
  if (range) return lost('dropped', null, msg('nobodyOutside', { dst, ...range }));
  return { kind: 'delivered', node: null, to: 'outside', ip: dst, port: p.dport };
}

/** Whether `ip` is in the service CIDR or the pod network (the cluster's own address ranges). */
function clusterRangeOf(
  cluster: ClusterModel,
  ip: Ip,
): { range: 'service' | 'pod'; cidr: string } | null {
  for (const [range, text] of [
    ['service', cluster.serviceCIDR],
    ['pod', cluster.podNetworkCIDR],
  ] as const) {
    const cidr = parseCidr(text);
    if (cidr && cidrContains(cidr, ip)) return { range, cidr: formatCidr(cidr) };
  }
  return null;
}

/** A packet a process on the node sends (OUTPUT path; datapath.md §6.5 b). */
export function walkFromHost(w: Walk, rt: NodeRuntime, p0: Packet): Outcome {
  let p = p0;
  simpleHop(w, 'send', rt.name, 'host', p, [msg('hostSends', { node: rt.name })]);
  const r = lookupRoute(rt.net.host, formatIp(p.dst));
  if (r.type === 'unreachable' || !r.dev)
    return lost(
      'unreachable',
      rt.name,
      msg('nodeNoRoute', { node: rt.name, dst: formatIp(p.dst) }),
    );
  simpleHop(
    w,
    'route',
    rt.name,
    'host',
    p,
    [msg('hostRoute', { route: routeText(r), src: r.src ?? null })],
    {
      verdict: routeText(r),
    },
  );
  let ct = conntrackIn(rt.conntrack, p, w.world.nowMs);
  const out = hook(w, rt, 'OUTPUT', p, ct, null, r.dev, null);
  if (out.outcome) return out.outcome;
  p = out.result.packet;
  ct = out.result.ct;
  const dst = formatIp(p.dst);
  const r2 = out.result.nat ? lookupRoute(rt.net.host, dst) : r;
  if (r2 !== r)
    simpleHop(w, 'route', rt.name, 'host', p, [msg('reroute', { route: routeText(r2) })], {
      verdict: routeText(r2),
    });
  if (r2.type === 'unreachable' || !r2.dev)
    return lost('unreachable', rt.name, msg('nodeNoRoute', { node: rt.name, dst }));
  if (r2.type === 'local') {
    const post = hook(w, rt, 'POSTROUTING', p, ct, null, 'lo', null);
    if (post.outcome) return post.outcome;
    const inp = hook(w, rt, 'INPUT', post.result.packet, post.result.ct, 'lo', null, null);
    if (inp.outcome) return inp.outcome;
    const bad = confirm(rt, inp.result.ct);
    if (bad) return bad;
    return { kind: 'delivered', node: rt.name, to: `node ${rt.name}`, ip: dst, port: p.dport };
  }
  const post = hook(w, rt, 'POSTROUTING', p, ct, null, r2.dev, null);
  if (post.outcome) return post.outcome;
  const bad = confirm(rt, post.result.ct);
  if (bad) return bad;
  p = post.result.packet;
  const nextHop = r2.via ?? dst;
  if (r2.dev === rt.net.bridge.name)
    return bridgeEgress(w, rt, p, bridgePortFor(w.world.network, rt.name, nextHop));
  return lanEgress(w, rt, p, nextHop, r2.dev);
}

/** A packet from a client outside the cluster: only the nodes' own addresses are reachable. */
export function walkFromOutside(w: Walk, p: Packet): Outcome {
  const dst = formatIp(p.dst);
  simpleHop(w, 'send', null, 'outside', p, [msg('outsideSends', { src: formatIp(p.src) })]);
  const node = w.world.cluster.nodes.find((n) => n.internalIP === dst);
  if (!node) {
    const reason = msg('notNodeAddress', { dst });
    simpleHop(w, 'unreachable', null, 'outside', p, [reason]);
    return lost('unreachable', null, reason);
  }
  // A client off the node's LAN reaches it through the LAN's gateway, one router hop (TTL − 1).
  const rt = runtime(w, node.name);
  const via = lookupRoute(rt.net.host, formatIp(p.src)).via ?? null;
  const arriving = via === null ? p : decTtl(p);
  simpleHop(w, 'wire', null, 'wire', arriving, [msg('wireToNode', { node: node.name, via })], {
    iface: 'eth0',
    link: `lan:outside>${node.name}`,
  });
  return hostIngress(w, rt, arriving, 'eth0', null, null);
}

/** Canonical text → Ip (the simulator only handles addresses it already validated). */
export function ipOf(text: string) {
  const ip = parseIp(text);
  if (!ip) throw new Error(`bad address ${text}`);
  return ip;
}
