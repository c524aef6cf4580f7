/**
 * What one kube-proxy (one node, one IP family) is configured with (kube-proxy-iptables.md §1.1).
 */

/** The local-traffic detector (§1.4): how "traffic from a pod" is recognised. */
export type LocalDetector =
  | { readonly mode: 'ClusterCIDR' | 'NodeCIDR'; readonly cidr: string }
  | { readonly mode: 'BridgeInterface'; readonly bridge: string }
  | { readonly mode: 'InterfaceNamePrefix'; readonly prefix: string }
  /** No CIDR configured: the detector is "not implemented" and its rules are not written. */
  | { readonly mode: 'None' };

export interface ProxierConfig {
  readonly family: 4 | 6;
  readonly nodeName: string;
  /** Primary node IP of this family (used by the LB source-range "allow from node" rule). */
  readonly nodeIP: string | null;
  readonly localDetector: LocalDetector;
  readonly masqueradeAll: boolean;
  /** The mark as kube-proxy prints it in its restore input: `0x00004000` (`%#08x`); tests use `0x4000`. */
  readonly masqueradeMark: string;
  readonly localhostNodePorts: boolean;
  /** CIDRs of node addresses that accept NodePorts; null or empty = all local addresses. */
  readonly nodePortAddresses: readonly string[] | null;
  /** The node's interface addresses in CIDR form (`192.168.0.2/24`, `127.0.0.1/8`). */
  readonly nodeInterfaceAddresses: readonly string[];
  /** Whether kube-proxy could create its nfacct counters. */
  readonly nfacct: {
    readonly ctStateInvalidDroppedPkts: boolean;
    readonly localhostNpsAcceptedPkts: boolean;
  };
  /** The host's net.netfilter.nf_conntrack_tcp_be_liberal is non-zero. */
  readonly conntrackTCPBeLiberal: boolean;
  /** `--random-fully` is supported and appended to the MASQUERADE rule. */
  readonly randomFully: boolean;
  /** Above this many endpoints the KUBE-SEP comments are omitted (§6.2). */
  readonly largeClusterEndpointsThreshold: number;
  readonly preferSameTrafficDistribution: boolean;
  /** This node's topology.kubernetes.io/zone label. */
  readonly zone: string | null;
}

/** kube-proxy prints the mark with Go's `%#08x` (§2.3). */
export function formatMasqueradeMark(bit: number): string {
  return '0x' + (2 ** bit).toString(16).padStart(8, '0');
}

/** Mark value parsed from its printed form. */
export function markValue(mark: string): number {
  return Number.parseInt(mark, 16);
}

/** The defaults of a real kube-proxy on a current kubeadm node, for one node. */
export function defaultProxierConfig(nodeName: string, nodeIP: string): ProxierConfig {
  return {
    family: 4,
    nodeName,
    nodeIP,
    localDetector: { mode: 'None' },
    masqueradeAll: false,
    masqueradeMark: formatMasqueradeMark(14),
    localhostNodePorts: true,
    nodePortAddresses: null,
    nodeInterfaceAddresses: ['127.0.0.1/8', `${nodeIP}/24`],
    nfacct: { ctStateInvalidDroppedPkts: true, localhostNpsAcceptedPkts: true },
    conntrackTCPBeLiberal: false,
    randomFully: true,
    largeClusterEndpointsThreshold: 1000,
    preferSameTrafficDistribution: true,
    zone: null,
  };
}
