/**
 * The ProxierConfig of the kube-proxy running on one node of a ClusterModel: its
 * KubeProxyConfiguration plus what kube-proxy learns from the node itself.
 */
import type { ClusterModel, ClusterNode } from '../k8s/cluster-model.ts';
import { cidrContains, parseCidr, parseIpv4 } from '../net/ip.ts';
import { formatMasqueradeMark, type LocalDetector, type ProxierConfig } from './config.ts';

function detectorFor(cluster: ClusterModel, node: ClusterNode): LocalDetector {
  const s = cluster.kubeProxy;
  switch (s.detectLocalMode) {
    case 'ClusterCIDR':
      return s.clusterCIDR ? { mode: 'ClusterCIDR', cidr: s.clusterCIDR } : { mode: 'None' };
    case 'NodeCIDR': {
      const cidr = node.podCIDRs.find((c) => !c.includes(':'));
      return cidr ? { mode: 'NodeCIDR', cidr } : { mode: 'None' };
    }
    case 'BridgeInterface':
      return s.bridgeInterface
        ? { mode: 'BridgeInterface', bridge: s.bridgeInterface }
        : { mode: 'None' };
    case 'InterfaceNamePrefix':
      return s.interfaceNamePrefix
        ? { mode: 'InterfaceNamePrefix', prefix: s.interfaceNamePrefix }
        : { mode: 'None' };
  }
}

/** kube-proxy turns localhost NodePorts off when no nodePortAddresses CIDR holds 127.0.0.1 (§1.1). */
function localhostNodePortsAllowed(nodePortAddresses: readonly string[]): boolean {
  const v4 = nodePortAddresses
    .map((c) => parseCidr(c))
    .filter((c) => c !== null && c.ip.family === 4);
  if (v4.length === 0) return true;
  const loopback = parseIpv4('127.0.0.1')!;
  return v4.some((c) => cidrContains(c!, loopback));
}

export function proxierConfigForNode(cluster: ClusterModel, node: ClusterNode): ProxierConfig {
  const s = cluster.kubeProxy;
  return {
    family: 4,
    nodeName: node.name,
    nodeIP: node.internalIP,
    localDetector: detectorFor(cluster, node),
    masqueradeAll: s.masqueradeAll,
    masqueradeMark: formatMasqueradeMark(s.masqueradeBit),
    localhostNodePorts: s.localhostNodePorts && localhostNodePortsAllowed(s.nodePortAddresses),
    nodePortAddresses: s.nodePortAddresses.length > 0 ? s.nodePortAddresses : null,
    nodeInterfaceAddresses: [
      '127.0.0.1/8',
      `${node.internalIP}/24`,
      `${node.bridge.ip}/${node.bridge.prefix}`,
    ],
    nfacct: { ctStateInvalidDroppedPkts: true, localhostNpsAcceptedPkts: true },
    conntrackTCPBeLiberal: s.conntrackTCPBeLiberal,
    randomFully: true,
    largeClusterEndpointsThreshold: 1000,
    preferSameTrafficDistribution: s.featureGates['PreferSameTrafficDistribution'] ?? true,
    zone: node.labels['topology.kubernetes.io/zone'] ?? null,
  };
}
