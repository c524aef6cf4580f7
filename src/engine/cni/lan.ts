/**
 * The LAN the nodes' eth0 sit on (datapath.md §0: 192.168.56.0/24, gateway 192.168.56.1): a /24
 * around each node's InternalIP whose first address is the router.
 */
import type { ClusterModel, ClusterNode } from '../k8s/cluster-model.ts';
import { addToIp, formatCidr, formatIp, maskIp, parseIpv4 } from '../net/ip.ts';
import { NODE_LAN_PREFIX } from './constants.ts';
import { localMac } from './identifiers.ts';

/** The node's LAN as `network/24`. */
export function lanCidr(node: Pick<ClusterNode, 'internalIP'>): string {
  const ip = parseIpv4(node.internalIP);
  return ip ? formatCidr({ ip: maskIp(ip, NODE_LAN_PREFIX), prefix: NODE_LAN_PREFIX }) : '';
}

/**
 * The node's default gateway: the first address of its /24 (the last one, .254, if a node
 * already uses the first).
 */
export function lanGateway(cluster: ClusterModel, node: ClusterNode): string {
  const ip = parseIpv4(node.internalIP);
  if (!ip) return '';
  const net = maskIp(ip, NODE_LAN_PREFIX);
  const first = formatIp(addToIp(net, 1));
  if (!cluster.nodes.some((n) => n.internalIP === first)) return first;
  return formatIp(addToIp(net, 254));
}

/** MAC of the LAN router at `gateway`. */
export function gatewayMac(gateway: string): string {
  return localMac(`gateway:${gateway}`);
}
