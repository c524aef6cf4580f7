/**
 * The ids shared by the topology (React Flow node/edge ids and packet anchors) and the packet
 * layer. The engine mints the link ids in hops (`veth:<nsId>`, `overlay:node1>node2`,
 * `lan:node1>node2`, `lan:outside>node1`); a pod's namespace id is `node/namespace/name`.
 *
 * Anchors are points in flow coordinates where a packet can sit:
 * - `host:<node>`    the node's host namespace (routing, netfilter hooks without a device)
 * - `eth0:<node>`    the node's eth0 on the LAN
 * - `bridge:<node>`  its bridge (`weave` or `docker0`)
 * - `vxlan:<node>`   Weave's datapath / vxlan-6784 device (Weave only)
 * - `veth:<nsId>`    the host end of a pod's veth (a bridge port)
 * - `pod:<nsId>`     the pod itself (its eth0)
 * - `service:<namespace>/<name>`  a Service's virtual address
 * - `outside`        a client outside the cluster
 */
export const hostId = (node: string) => `host:${node}`;
export const eth0Id = (node: string) => `eth0:${node}`;
export const bridgeId = (node: string) => `bridge:${node}`;
export const vxlanId = (node: string) => `vxlan:${node}`;
export const vethId = (nsId: string) => `veth:${nsId}`;
export const podId = (nsId: string) => `pod:${nsId}`;
export const serviceId = (namespace: string, name: string) => `service:${namespace}/${name}`;
export const OUTSIDE_ID = 'outside';

/**
 * The edge a hop's link travels: veth links keep their id; overlay and LAN links between two
 * places are one edge whichever way the packet goes (`overlay:node1~node2`, names sorted).
 */
export function edgeIdForLink(link: string): string {
  const m = /^(overlay|lan):([^>]+)>(.+)$/.exec(link);
  if (!m) return link;
  const [a, b] = [m[2]!, m[3]!].sort();
  return `${m[1]!}:${a!}~${b!}`;
}
