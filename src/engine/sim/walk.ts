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
import { formatIp, parseIp } from '../net/ip.ts';
import { conntrackConfirm, conntrackIn } from '../netfilter/conntrack.ts';
import { formatConntrackEntry } from '../netfilter/conntrack-format.ts';
import type { CtInfo, PhysdevInfo } from '../netfilter/context.ts';
import { runHook, type Hook, type HookResult } from '../netfilter/hook.ts';
import type { Packet } from '../netfilter/packet.ts';
import { lookupRoute, type RouteLookup } from '../routing/lookup.ts';
import { hookHop, viewOf, type Outer } from './hops.ts';
import type { Hop, HopKind, Outcome } from './trace.ts';
import type { NodeRuntime, World } from './world.ts';

/** The state of one walk. */
export interface Walk {
  readonly world: World;
  /** Record hops (off for bulk connections: only outcomes are kept). */
  readonly record: boolean;
  readonly hops: Hop[];
}

const podLabel = (ns: NetNamespace) => (ns.pod ? `pod ${ns.pod.namespace}/${ns.pod.name}` : 'host');

function add(w: Walk, hop: Omit<Hop, 'after'> & { after?: Hop['after'] }): void {
  if (w.record) w.hops.push({ ...hop, after: hop.after ?? hop.before });
}

function simpleHop(
  w: Walk,
  kind: HopKind,
  node: string | null,
  namespace: string,
  p: Packet,
  note: string,
  extra: Partial<Hop> = {},
): void {
  if (!w.record) return;
  add(w, { kind, node, namespace, before: viewOf(p), note, ...extra });
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
    w.hops.push(hookHop(rt.name, inIface ?? outIface ?? undefined, result, p, ctText));
  }
  const v = result.verdict;
  const last = result.tables.flatMap((t) => t.result?.steps ?? []).at(-1);
  const rule = last?.ruleText ? ` by \`${last.ruleText}\`` : '';
  if (v.kind === 'DROP')
    return {
      result,
      outcome: {
        kind: 'dropped',
        node: rt.name,
        reason: result.reason ?? `dropped in ${name}${rule}`,
      },
    };
  if (v.kind === 'REJECT')
    return {
      result,
      outcome: {
        kind: 'rejected',
        node: rt.name,
        reason: `rejected in ${name}${rule} (${v.with})`,
      },
    };
  if (v.kind === 'ERROR')
    return { result, outcome: { kind: 'dropped', node: rt.name, reason: v.error.message } };
  return { result, outcome: null };
}

function confirm(rt: NodeRuntime, ct: CtInfo): Outcome | null {
  if (!ct.entry) return null;
  const entry = conntrackConfirm(rt.conntrack, ct);
  if (entry) return null;
  return {
    kind: 'dropped',
    node: rt.name,
    reason: 'conntrack could not confirm the connection: its reply tuple is taken by another one',
  };
}

const decTtl = (p: Packet): Packet => ({ ...p, ttl: p.ttl - 1 });

/** A packet a pod sends: its own routing, ARP, and the veth into the node. */
export function walkFromPod(w: Walk, ns: NetNamespace, p: Packet): Outcome {
  const label = podLabel(ns);
  const dst = formatIp(p.dst);
  simpleHop(w, 'send', ns.node, label, p, `the ${label} sends from eth0`, { iface: 'eth0' });
  const r = lookupRoute(ns, dst);
  if (r.type === 'local') {
    simpleHop(
      w,
      'loopback',
      ns.node,
      label,
      p,
      `${dst} is this pod's own address: the route lookup hits the local table and the packet loops back inside the pod, never leaving it`,
      { iface: 'lo', verdict: 'local' },
    );
    return { kind: 'delivered', node: ns.node, to: `${label} itself`, ip: dst, port: p.dport };
  }
  if (r.type === 'unreachable' || !r.dev) {
    simpleHop(w, 'unreachable', ns.node, label, p, `no route to ${dst} in the pod`, {
      verdict: routeText(r),
    });
    return { kind: 'unreachable', node: ns.node, reason: `no route to ${dst} in ${label}` };
  }
  const nextHop = r.via ?? dst;
  const onLink = resolveOnLink(w.world.network, ns, r.dev, nextHop);
  const how = r.via
    ? `${dst} is off-link: default route via the gateway ${r.via}`
    : `${dst} is on-link (dev ${r.dev})`;
  simpleHop(
    w,
    'route',
    ns.node,
    label,
    p,
    `${how}; ARP for ${nextHop}: ${onLink.owner ? `answered by ${onLink.owner.kind === 'bridge' ? `the node's bridge (${onLink.owner.dev})` : onLink.owner.kind === 'pod' && onLink.owner.pod ? `pod ${onLink.owner.pod.namespace}/${onLink.owner.pod.name}${onLink.owner.path === 'overlay' ? ` on ${onLink.owner.node}, across the overlay` : ''}` : onLink.owner.dev}` : 'no answer'}`,
    { iface: r.dev, verdict: routeText(r) },
  );
  if (!onLink.owner) {
    const reason = onLink.reason ?? `nobody answers ARP for ${nextHop}`;
    simpleHop(
      w,
      'unreachable',
      ns.node,
      label,
      p,
      `${reason}; the sender gets EHOSTUNREACH (No route to host)`,
    );
    return { kind: 'unreachable', node: ns.node, reason };
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
    `through the veth pair: the pod's eth0 → ${port.dev} on the node, a port of the ${rt.net.bridge.name} bridge`,
    { iface: port.dev, link: `veth:${ns.id}` },
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
        `the frame is addressed to ${l2Target}'s MAC: the ${bridge} bridge switches it (br_netfilter runs the FORWARD and POSTROUTING hooks on it)`,
      );
  }
  const r = lookupRoute(rt.net.host, dst);
  if (r.type === 'local' || r.type === 'broadcast') {
    simpleHop(
      w,
      'route',
      rt.name,
      'host',
      p,
      `${dst} is one of ${rt.name}'s own addresses: local delivery (INPUT)`,
      { verdict: 'local' },
    );
    const inp = hook(w, rt, 'INPUT', p, ct, inIface, null, physdev);
    if (inp.outcome) return inp.outcome;
    p = inp.result.packet;
    const bad = confirm(rt, inp.result.ct);
    if (bad) return bad;
    simpleHop(
      w,
      'deliver',
      rt.name,
      'host',
      p,
      `delivered to a process on ${rt.name} listening on ${dst}:${p.dport}`,
    );
    return { kind: 'delivered', node: rt.name, to: `node ${rt.name}`, ip: dst, port: p.dport };
  }
  if (r.type === 'unreachable' || !r.dev) {
    simpleHop(w, 'unreachable', rt.name, 'host', p, `${rt.name} has no route to ${dst}`, {
      verdict: routeText(r),
    });
    return { kind: 'unreachable', node: rt.name, reason: `${rt.name} has no route to ${dst}` };
  }
  const nextHop = r.via ?? dst;
  if (r.dev === bridge) {
    const loc = bridgePortFor(w.world.network, rt.name, nextHop);
    const bridged = inIface === bridge;
    const why = bridged
      ? `the destination was rewritten to ${dst}, reachable through the same ${bridge} bridge: the kernel keeps the packet at layer 2 (bridged DNAT), no TTL decrement`
      : `${rt.name} routes ${dst} ${routeText(r)}`;
    return forwardOnBridge(w, rt, bridged ? p : decTtl(p), ct, physIn, loc, why, inIface);
  }
  simpleHop(w, 'route', rt.name, 'host', p, `${rt.name} routes ${dst} ${routeText(r)}`, {
    verdict: routeText(r),
    iface: r.dev,
  });
  const routed = decTtl(p);
  const fwd = hook(w, rt, 'FORWARD', routed, ct, inIface, r.dev, physdev);
  if (fwd.outcome) return fwd.outcome;
  const post = hook(w, rt, 'POSTROUTING', fwd.result.packet, fwd.result.ct, null, r.dev, physdev);
  if (post.outcome) return post.outcome;
  const bad = confirm(rt, post.result.ct);
  if (bad) return bad;
  return lanEgress(w, rt, post.result.packet, nextHop, r.dev);
}

/** FORWARD and POSTROUTING for a packet leaving through the pod bridge, then out of the port. */
function forwardOnBridge(
  w: Walk,
  rt: NodeRuntime,
  p: Packet,
  ct: CtInfo,
  physIn: string | null,
  loc: BridgeLocation,
  why: string,
  inIface?: string,
): Outcome {
  const bridge = rt.net.bridge.name;
  const dst = formatIp(p.dst);
  if (loc.kind === 'none') {
    simpleHop(
      w,
      'unreachable',
      rt.name,
      'host',
      p,
      `${why}; but nobody on ${rt.name}'s ${bridge} answers ARP for ${dst}: EHOSTUNREACH`,
    );
    return {
      kind: 'unreachable',
      node: rt.name,
      reason: `nobody on ${rt.name}'s ${bridge} has ${dst}`,
    };
  }
  const outPort = loc.kind === 'bridge' ? null : loc.port;
  simpleHop(
    w,
    'bridge',
    rt.name,
    'host',
    p,
    `${why}; ${bridge}'s forwarding table: ${dst} is behind ${outPort ?? 'the bridge itself'}`,
    { iface: bridge, verdict: outPort ?? bridge },
  );
  const physdev = { in: physIn, out: outPort };
  const fwd = hook(w, rt, 'FORWARD', p, ct, inIface ?? bridge, bridge, physdev);
  if (fwd.outcome) return fwd.outcome;
  const post = hook(w, rt, 'POSTROUTING', fwd.result.packet, fwd.result.ct, null, bridge, physdev);
  if (post.outcome) return post.outcome;
  const bad = confirm(rt, post.result.ct);
  if (bad) return bad;
  return bridgeEgress(w, rt, post.result.packet, loc);
}

/** Out of a bridge port: into a local pod, or into Weave's datapath and across the overlay. */
function bridgeEgress(w: Walk, rt: NodeRuntime, p0: Packet, loc: BridgeLocation): Outcome {
  let p = p0;
  const dst = formatIp(p.dst);
  if (loc.kind === 'pod') {
    p = { ...p, mark: 0 };
    const ns = findNamespace(w.world.network, loc.namespace);
    const label = ns ? podLabel(ns) : `pod ${loc.pod.namespace}/${loc.pod.name}`;
    simpleHop(w, 'veth', rt.name, label, p, `out of ${loc.port} into the pod's eth0`, {
      iface: 'eth0',
      link: `veth:${loc.namespace}`,
    });
    simpleHop(w, 'deliver', rt.name, label, p, `delivered to the ${label} on ${dst}:${p.dport}`);
    return { kind: 'delivered', node: rt.name, to: label, ip: dst, port: p.dport };
  }
  if (loc.kind === 'overlay') return crossOverlay(w, rt, p, loc.node);
  if (loc.kind === 'bridge') return hostIngress(w, rt, p, rt.net.bridge.name, null, null);
  return { kind: 'unreachable', node: rt.name, reason: `nobody has ${dst}` };
}

/** Weave fastdp: VXLAN encapsulation on one node, the LAN, decapsulation on the other. */
function crossOverlay(w: Walk, rt: NodeRuntime, p: Packet, toNode: string): Outcome {
  const path = overlayPath(w.world.network, rt.name, toNode);
  if (path.kind === 'none') {
    simpleHop(w, 'unreachable', rt.name, 'host', p, path.reason);
    return { kind: 'unreachable', node: rt.name, reason: path.reason };
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
  if (w.record) {
    add(w, {
      kind: 'encap',
      node: rt.name,
      namespace: 'host',
      iface: 'vxlan-6784',
      before: viewOf(p),
      after: viewOf(p, outer),
      note: `vethwe-bridge → Weave's datapath: the frame is wrapped in VXLAN (VNI ${path.vni}) inside UDP ${path.src} → ${path.dst}:${path.port}, 50 bytes more; the inner packet is untouched`,
    });
    add(w, {
      kind: 'wire',
      node: null,
      namespace: 'wire',
      iface: 'eth0',
      link: `overlay:${rt.name}>${toNode}`,
      before: viewOf(p, outer),
      note: `over the LAN from ${rt.name} (${path.src}) to ${toNode} (${path.dst}) on UDP ${path.port}`,
    });
    add(w, {
      kind: 'decap',
      node: toNode,
      namespace: 'host',
      iface: 'vxlan-6784',
      before: viewOf(p, outer),
      after: viewOf(p),
      note: `${toNode}'s vxlan-6784 port unwraps it; the datapath hands the frame to vethwe-datapath → vethwe-bridge → the weave bridge`,
    });
  }
  const remote = runtime(w, toNode);
  // The skb mark is local to a host: the decapsulated packet starts with mark 0.
  return hostIngress(
    w,
    remote,
    { ...p, mark: 0 },
    remote.net.bridge.name,
    'vethwe-bridge',
    formatIp(p.dst),
  );
}

/** Out of eth0: to another node on the LAN, or out of the cluster through the LAN gateway. */
function lanEgress(w: Walk, rt: NodeRuntime, p: Packet, nextHop: string, dev: string): Outcome {
  const dst = formatIp(p.dst);
  const target = w.world.cluster.nodes.find(
    (n) => n.internalIP === nextHop || n.internalIP === dst,
  );
  if (target && target.name !== rt.name) {
    simpleHop(
      w,
      'wire',
      null,
      'wire',
      p,
      `over the LAN from ${rt.name} to ${target.name} (${target.internalIP})`,
      { iface: dev, link: `lan:${rt.name}>${target.name}` },
    );
    return hostIngress(w, runtime(w, target.name), { ...p, mark: 0 }, 'eth0', null, null);
  }
  simpleHop(
    w,
    'wire',
    null,
    'outside',
    p,
    `out of ${rt.name}'s ${dev} to ${nextHop}: the packet leaves the cluster`,
    { iface: dev, link: `lan:${rt.name}>outside` },
  );
  return { kind: 'delivered', node: null, to: 'outside', ip: dst, port: p.dport };
}

/** A packet a process on the node sends (OUTPUT path; datapath.md §6.5 b). */
export function walkFromHost(w: Walk, rt: NodeRuntime, p0: Packet): Outcome {
  let p = p0;
  simpleHop(w, 'send', rt.name, 'host', p, `a process on ${rt.name} sends`);
  const r = lookupRoute(rt.net.host, formatIp(p.dst));
  if (r.type === 'unreachable' || !r.dev)
    return {
      kind: 'unreachable',
      node: rt.name,
      reason: `${rt.name} has no route to ${formatIp(p.dst)}`,
    };
  simpleHop(w, 'route', rt.name, 'host', p, `route ${routeText(r)}, source ${r.src ?? '?'}`, {
    verdict: routeText(r),
  });
  let ct = conntrackIn(rt.conntrack, p, w.world.nowMs);
  const out = hook(w, rt, 'OUTPUT', p, ct, null, r.dev, null);
  if (out.outcome) return out.outcome;
  p = out.result.packet;
  ct = out.result.ct;
  const dst = formatIp(p.dst);
  const r2 = out.result.nat ? lookupRoute(rt.net.host, dst) : r;
  if (r2 !== r)
    simpleHop(
      w,
      'route',
      rt.name,
      'host',
      p,
      `the destination changed: re-routed ${routeText(r2)}`,
      { verdict: routeText(r2) },
    );
  if (r2.type === 'unreachable' || !r2.dev)
    return { kind: 'unreachable', node: rt.name, reason: `${rt.name} has no route to ${dst}` };
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
  simpleHop(
    w,
    'send',
    null,
    'outside',
    p,
    `a client outside the cluster (${formatIp(p.src)}) sends`,
  );
  const node = w.world.cluster.nodes.find((n) => n.internalIP === dst);
  if (!node) {
    const reason = `${dst} is not a node address: Service and pod addresses exist only inside the nodes, and no router outside the cluster sends them to a node`;
    simpleHop(w, 'unreachable', null, 'outside', p, reason);
    return { kind: 'unreachable', node: null, reason };
  }
  simpleHop(w, 'wire', null, 'wire', p, `over the LAN to ${node.name}'s eth0`, {
    iface: 'eth0',
    link: `lan:outside>${node.name}`,
  });
  return hostIngress(w, runtime(w, node.name), p, 'eth0', null, null);
}

/** Canonical text → Ip (the simulator only handles addresses it already validated). */
export function ipOf(text: string) {
  const ip = parseIp(text);
  if (!ip) throw new Error(`bad address ${text}`);
  return ip;
}
