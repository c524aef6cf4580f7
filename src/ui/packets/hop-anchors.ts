/**
 * Where a hop happens on the picture: the anchors (src/ui/topology/ids.ts) its packet passes to
 * get there, in order. Pure: a hop's node, namespace, interface and link are enough.
 */
import type { Hop } from '../../engine/index.ts';
import { OUTSIDE_ID, bridgeId, eth0Id, hostId, podId, vethId, vxlanId } from '../topology/ids.ts';

/** A link's end: a node's eth0 on the LAN, its vxlan-6784 on Weave's overlay, or outside. */
function linkEnd(kind: string, place: string): string {
  if (place === 'outside') return OUTSIDE_ID;
  return kind === 'overlay' ? vxlanId(place) : eth0Id(place);
}

/** The namespace id of a pod hop (`node1/default/client`), or null for other namespaces. */
function podNamespaceId(hop: Hop): string | null {
  if (hop.node === null || !hop.namespace.startsWith('pod ')) return null;
  return `${hop.node}/${hop.namespace.slice(4)}`;
}

/** The anchor of a hop in a node's host namespace, from the interface involved. */
function hostAnchor(node: string, iface: string | undefined): string {
  if (iface === undefined) return hostId(node);
  if (iface === 'weave' || iface === 'docker0') return bridgeId(node);
  if (iface.startsWith('vxlan')) return vxlanId(node);
  if (iface === 'eth0') return eth0Id(node);
  return hostId(node);
}

/**
 * The anchors the packet passes to reach `hop`; the last one is where the hop happens. Empty when
 * the hop has no place of its own (the packet stays where it was).
 */
export function hopWaypoints(hop: Hop): readonly string[] {
  // On the wire: from one end of the link (the edge the topology lights up) to the other.
  const wire = hop.link ? /^(overlay|lan):([^>]+)>(.+)$/.exec(hop.link) : null;
  if (wire) return [linkEnd(wire[1]!, wire[2]!), linkEnd(wire[1]!, wire[3]!)];
  if (hop.namespace === 'outside') return [OUTSIDE_ID];
  const veth = hop.link?.startsWith('veth:') ? hop.link.slice(5) : null;
  const pod = podNamespaceId(hop);
  if (pod !== null) return veth !== null ? [vethId(veth), podId(pod)] : [podId(pod)];
  if (veth !== null) return [vethId(veth)];
  if (hop.node === null) return [];
  // The outer VXLAN datagram's hooks: drawn where the tunnel starts and ends.
  if (hop.tunnel) return [vxlanId(hop.node)];
  return [hostAnchor(hop.node, hop.iface)];
}
