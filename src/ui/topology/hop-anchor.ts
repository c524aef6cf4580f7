/**
 * Where a hop happens, as an anchor id of ids.ts, and the path between two anchors. The packet
 * layer moves a packet from one hop's anchor to the next along `pathBetween`; the topology lights
 * up the box holding the current hop's anchor.
 */
import type { ClusterNetwork, Hop } from '../../engine/index.ts';
import { OUTSIDE_ID, bridgeId, eth0Id, hostId, podId, vethId, vxlanId } from './ids.ts';
import { endsKey } from './layout-builder.ts';
import type { Point, TopologyLayout } from './types.ts';

/** The anchor at the far end of a link: where a packet on the wire is going. */
export function linkDestination(link: string): string | null {
  const m = /^(overlay|lan):([^>]+)>(.+)$/.exec(link);
  if (!m) return link.startsWith('veth:') ? vethId(link.slice(5)) : null;
  const to = m[3]!;
  if (to === OUTSIDE_ID) return OUTSIDE_ID;
  return m[1] === 'overlay' ? vxlanId(to) : eth0Id(to);
}

const BRIDGES = new Set(['weave', 'docker0']);
const WEAVE_DATAPATH = /^(vxlan|datapath$|vethwe-(datapath|bridge)$)/;

/**
 * The anchor of a hop: a pod's own namespace → the pod; the host with a device → that device
 * (eth0, the bridge, Weave's vxlan, a veth's host end); the host without one → the host; on the
 * wire → the link's far end; outside the cluster → the outside client.
 */
export function anchorOfHop(hop: Hop, network: ClusterNetwork | null): string {
  const node = hop.node;
  if (node === null) {
    if (hop.namespace !== 'wire') return OUTSIDE_ID;
    return (hop.link && linkDestination(hop.link)) ?? OUTSIDE_ID;
  }
  if (hop.namespace.startsWith('pod ')) return podId(`${node}/${hop.namespace.slice(4)}`);
  // The outer VXLAN datagram's hooks: drawn where the tunnel starts and ends.
  if (hop.tunnel) return vxlanId(node);
  const iface = hop.iface;
  if (!iface || iface === 'lo') return hostId(node);
  if (iface === 'eth0') return eth0Id(node);
  if (BRIDGES.has(iface)) return bridgeId(node);
  if (WEAVE_DATAPATH.test(iface)) return vxlanId(node);
  if (hop.link?.startsWith('veth:')) return vethId(hop.link.slice(5));
  const port = network?.nodes
    .find((n) => n.node === node)
    ?.bridge.ports.find((p) => p.dev === iface && p.namespace !== null);
  return port?.namespace ? vethId(port.namespace) : hostId(node);
}

/**
 * The drawn path from anchor `a` to anchor `b`: the edge joining them (turned to run from a to
 * b), else the straight segment (inside a node, along its spine).
 */
export function pathBetween(layout: TopologyLayout, a: string, b: string): readonly Point[] {
  const pa = layout.anchors.get(a);
  const pb = layout.anchors.get(b);
  if (!pa || !pb) return pa ? [pa] : pb ? [pb] : [];
  if (a === b) return [pa];
  const id = layout.edgeByEnds.get(endsKey(a, b));
  const path = id ? layout.paths.get(id) : undefined;
  if (!path || path.length < 2) return [pa, pb];
  const first = path[0]!;
  return first.x === pa.x && first.y === pa.y ? path : [...path].reverse();
}
