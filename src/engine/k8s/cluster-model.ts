/**
 * ClusterModel: the cluster after the controllers have run — what `kubectl get` would show on a
 * real cluster built from the user's YAML. Plain, readonly, serialisable data.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { EndpointSlice, Service, Taint } from './api-types.ts';

/** Where an object came from in the user's text (absent for generated objects). */
export interface SourceRef {
  readonly file: string;
  /** 0-based character offsets of the object's YAML/JSON node. */
  readonly from: number;
  readonly to: number;
}

export type CniKind = 'weave' | 'docker';

export interface ClusterNode {
  readonly name: string;
  /** The node's InternalIP (eth0). */
  readonly internalIP: string;
  readonly role: 'control-plane' | 'worker';
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[];
  /** spec.podCIDR(s) when given (used by the NodeCIDR local-traffic detector). */
  readonly podCIDRs: readonly string[];
  /** The pod bridge on this node: `weave` (its IPAM address, /12) or `docker0` (172.17.0.1/16). */
  readonly bridge: {
    readonly name: 'weave' | 'docker0';
    readonly ip: string;
    readonly prefix: number;
  };
  /** Address ranges this node's CNI allocates pod IPs from (Weave IPAM ownership, docker0 subnet). */
  readonly podRanges: readonly string[];
  readonly source?: SourceRef;
}

export interface ClusterPod {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** null while Pending (no node fits). */
  readonly nodeName: string | null;
  /** null while Pending or when the CNI ran out of addresses. */
  readonly ip: string | null;
  readonly hostNetwork: boolean;
  readonly phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  readonly ready: boolean;
  readonly terminating: boolean;
  /** Owning controller, e.g. { kind: 'ReplicaSet', name: 'deploy-nginx-7b9c6d5f4' }. */
  readonly owner: { readonly kind: string; readonly name: string } | null;
  readonly containers: readonly {
    readonly name: string;
    readonly image: string;
    readonly ports: readonly {
      readonly name?: string;
      readonly containerPort: number;
      readonly protocol: string;
    }[];
  }[];
  /** Reason shown when the pod is Pending or has no IP. */
  readonly reason?: string;
  readonly source?: SourceRef;
}

/** A workload controller as `kubectl get deploy/rs/ds` would summarise it. */
export interface ClusterWorkload {
  readonly kind: 'Deployment' | 'ReplicaSet' | 'DaemonSet';
  readonly namespace: string;
  readonly name: string;
  readonly desired: number;
  readonly current: number;
  readonly ready: number;
  readonly source?: SourceRef;
}

/** kube-proxy's configuration (KubeProxyConfiguration, or kubeadm's defaults). */
export interface KubeProxySettings {
  readonly mode: 'iptables' | 'ipvs' | 'nftables';
  /** null: not set (kubeadm with Weave: the ClusterCIDR detector is then "not implemented"). */
  readonly clusterCIDR: string | null;
  readonly detectLocalMode: 'ClusterCIDR' | 'NodeCIDR' | 'BridgeInterface' | 'InterfaceNamePrefix';
  readonly bridgeInterface: string | null;
  readonly interfaceNamePrefix: string | null;
  readonly masqueradeAll: boolean;
  readonly masqueradeBit: number;
  readonly localhostNodePorts: boolean;
  /** Empty: NodePorts on every local address. */
  readonly nodePortAddresses: readonly string[];
  readonly conntrackTCPBeLiberal: boolean;
  readonly featureGates: Readonly<Record<string, boolean>>;
  readonly source?: SourceRef;
}

export interface ClusterModel {
  readonly nodes: readonly ClusterNode[];
  readonly pods: readonly ClusterPod[];
  readonly workloads: readonly ClusterWorkload[];
  /** Services with spec.clusterIP(s) filled in (allocated when the input left them empty). */
  readonly services: readonly Service[];
  /** EndpointSlices: as given in the input, or made by the EndpointSlice controller. */
  readonly endpointSlices: readonly EndpointSlice[];
  readonly serviceCIDR: string;
  readonly cni: CniKind;
  /** Weave's whole allocation range (IPALLOC_RANGE), e.g. 10.32.0.0/12. */
  readonly podNetworkCIDR: string;
  readonly kubeProxy: KubeProxySettings;
  /** True when the nodes are podpath's default kubeadm lab (the input had no Node objects). */
  readonly defaultLab: boolean;
}

/** Result of compiling the user's text: the model plus everything worth telling the user. */
export interface CompileResult {
  /** null when the input is unusable as a whole (e.g. a YAML syntax error). */
  readonly cluster: ClusterModel | null;
  readonly diagnostics: readonly Diagnostic[];
}
