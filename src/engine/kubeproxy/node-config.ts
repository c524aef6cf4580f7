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
    case 'ClusterCIDR': {
      // A dual-stack value names one CIDR per family: this (IPv4) proxier takes its own, and
      // without one it has no detector (§1.1, §1.4).
      const cidr = (s.clusterCIDR ?? '')
        .split(',')
        .map((c) => c.trim())
        .find((c) => parseCidr(c)?.ip.family === 4);
      return cidr ? { mode: 'ClusterCIDR', cidr } : { mode: 'None' };
    }
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

/**
 * The nodePortAddresses kube-proxy works with: `primary` becomes the node's own IP as a /32
 * (what kube-proxy's server does before it starts the proxier).
 */
function nodePortAddressesOf(addresses: readonly string[], node: ClusterNode): readonly string[] {
  if (addresses.length !== 1 || addresses[0] !== 'primary') return addresses;
  const ip = parseIpv4(node.internalIP);
  return ip && !cidrContains(parseCidr('127.0.0.0/8')!, ip) ? [`${node.internalIP}/32`] : [];
}

export function proxierConfigForNode(cluster: ClusterModel, node: ClusterNode): ProxierConfig {
  const s = cluster.kubeProxy;
  const nodePortAddresses = nodePortAddressesOf(s.nodePortAddresses, node);
  return {
    family: 4,
    nodeName: node.name,
    nodeIP: node.internalIP,
    localDetector: detectorFor(cluster, node),
    masqueradeAll: s.masqueradeAll,
    masqueradeMark: formatMasqueradeMark(s.masqueradeBit),
    localhostNodePorts: s.localhostNodePorts && localhostNodePortsAllowed(nodePortAddresses),
    nodePortAddresses: nodePortAddresses.length > 0 ? nodePortAddresses : null,
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
