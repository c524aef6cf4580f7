/** Converts a conformance case's `config` into a ProxierConfig. */
import type { LocalDetector, ProxierConfig } from '../kubeproxy/config.ts';
import type { CaseConfig } from './case-types.ts';

function detectorOf(d: CaseConfig['localDetector']): LocalDetector {
  switch (d?.mode) {
    case 'ClusterCIDR':
      return d.clusterCIDR ? { mode: 'ClusterCIDR', cidr: d.clusterCIDR } : { mode: 'None' };
    case 'NodeCIDR': {
      const cidr = d.nodeCIDR ?? d.clusterCIDR;
      return cidr ? { mode: 'NodeCIDR', cidr } : { mode: 'None' };
    }
    case 'BridgeInterface':
      return d.bridgeInterface
        ? { mode: 'BridgeInterface', bridge: d.bridgeInterface }
        : { mode: 'None' };
    case 'InterfaceNamePrefix':
      return d.interfaceNamePrefix
        ? { mode: 'InterfaceNamePrefix', prefix: d.interfaceNamePrefix }
        : { mode: 'None' };
    default:
      return { mode: 'None' };
  }
}

/** Defaults are those of upstream's fake proxier (kube-proxy-iptables.md §1.1). */
export function proxierConfigFromCase(c: CaseConfig = {}): ProxierConfig {
  return {
    family: c.ipFamily === 'IPv6' ? 6 : 4,
    nodeName: c.nodeName ?? 'test-node',
    nodeIP: c.nodeIP ?? '192.168.0.2',
    localDetector:
      c.localDetector === undefined
        ? { mode: 'ClusterCIDR', cidr: c.ipFamily === 'IPv6' ? 'fd00:10::/64' : '10.0.0.0/8' }
        : detectorOf(c.localDetector),
    masqueradeAll: c.masqueradeAll ?? false,
    masqueradeMark: c.masqueradeMark ?? '0x4000',
    localhostNodePorts: c.localhostNodePorts ?? true,
    nodePortAddresses: c.nodePortAddresses ?? null,
    nodeInterfaceAddresses: c.nodeInterfaceAddresses ?? [
      '127.0.0.1/8',
      '::1/128',
      '192.168.0.2/24',
      '192.168.1.2/24',
      '192.168.99.11/24',
      '2001:db8::1/64',
      '2001:db8:1::2/64',
    ],
    nfacct: {
      ctStateInvalidDroppedPkts: c.nfacctCounters?.['ct_state_invalid_dropped_pkts'] ?? true,
      localhostNpsAcceptedPkts: c.nfacctCounters?.['localhost_nps_accepted_pkts'] ?? true,
    },
    conntrackTCPBeLiberal: c.conntrackTCPBeLiberal ?? false,
    randomFully: c.iptablesHasRandomFully ?? false,
    largeClusterEndpointsThreshold: c.largeClusterEndpointsThreshold ?? 1000,
    preferSameTrafficDistribution: c.featureGates?.['PreferSameTrafficDistribution'] ?? true,
    zone: c.topologyLabels?.['topology.kubernetes.io/zone'] ?? null,
  };
}
