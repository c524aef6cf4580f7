/**
 * The Kubernetes API objects the engine reads, in their wire (JSON/YAML) shape. Only the fields
 * podpath uses are typed; everything is optional because user input may omit anything.
 */

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { apiVersion?: string; kind?: string; name?: string; controller?: boolean }[];
  deletionTimestamp?: string;
}

export interface ServicePort {
  name?: string;
  protocol?: string;
  port?: number;
  targetPort?: number | string;
  nodePort?: number;
  appProtocol?: string;
}

export interface Service {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: {
    type?: string;
    clusterIP?: string;
    clusterIPs?: string[];
    ipFamilies?: string[];
    ipFamilyPolicy?: string;
    selector?: Record<string, string>;
    ports?: ServicePort[];
    externalIPs?: string[];
    externalTrafficPolicy?: string;
    internalTrafficPolicy?: string;
    healthCheckNodePort?: number;
    loadBalancerIP?: string;
    loadBalancerSourceRanges?: string[];
    sessionAffinity?: string;
    sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
    externalName?: string;
    publishNotReadyAddresses?: boolean;
    trafficDistribution?: string;
    /** LoadBalancer only: whether NodePorts are allocated (default true). */
    allocateLoadBalancerNodePorts?: boolean;
  };
  status?: {
    loadBalancer?: {
      ingress?: { ip?: string; hostname?: string; ipMode?: string }[];
    };
  };
}

export interface EndpointSlicePort {
  name?: string | null;
  port?: number | null;
  protocol?: string;
  appProtocol?: string;
}

export interface Endpoint {
  addresses?: string[];
  conditions?: { ready?: boolean | null; serving?: boolean | null; terminating?: boolean | null };
  nodeName?: string | null;
  zone?: string;
  hostname?: string;
  targetRef?: { kind?: string; name?: string; namespace?: string; uid?: string };
  hints?: { forZones?: { name: string }[]; forNodes?: { name: string }[] };
}

export interface EndpointSlice {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  addressType?: string;
  endpoints?: Endpoint[] | null;
  ports?: EndpointSlicePort[] | null;
}

/** core/v1 Endpoints (legacy); converted to EndpointSlices by the model. */
export interface LegacyEndpoints {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  subsets?: {
    addresses?: {
      ip?: string;
      nodeName?: string;
      hostname?: string;
      targetRef?: Endpoint['targetRef'];
    }[];
    notReadyAddresses?: {
      ip?: string;
      nodeName?: string;
      hostname?: string;
      targetRef?: Endpoint['targetRef'];
    }[];
    ports?: { name?: string; port?: number; protocol?: string }[];
  }[];
}

export interface ContainerPort {
  name?: string;
  containerPort?: number;
  protocol?: string;
  hostPort?: number;
}

export interface Container {
  name?: string;
  image?: string;
  ports?: ContainerPort[];
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

export interface PodSpec {
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  hostNetwork?: boolean;
  containers?: Container[];
  /** Always for workload templates (the API server rejects anything else there). */
  restartPolicy?: string;
}

export interface PodTemplate {
  metadata?: ObjectMeta;
  spec?: PodSpec;
}

export interface Pod {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: PodSpec;
  status?: {
    phase?: string;
    hostIP?: string;
    podIP?: string;
    podIPs?: { ip?: string }[];
    conditions?: { type?: string; status?: string }[];
  };
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key?: string; operator?: string; values?: string[] }[];
}

export interface Deployment {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: { replicas?: number; selector?: LabelSelector; template?: PodTemplate };
}

export type ReplicaSet = Deployment;

export interface DaemonSet {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: { selector?: LabelSelector; template?: PodTemplate };
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface Node {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: { podCIDR?: string; podCIDRs?: string[]; taints?: Taint[]; unschedulable?: boolean };
  status?: {
    addresses?: { type?: string; address?: string }[];
    conditions?: { type?: string; status?: string }[];
  };
}

/** kubeproxy.config.k8s.io/v1alpha1 KubeProxyConfiguration (the fields that shape iptables rules). */
export interface KubeProxyConfiguration {
  apiVersion?: string;
  kind?: string;
  mode?: string;
  clusterCIDR?: string;
  detectLocalMode?: string;
  detectLocal?: { bridgeInterface?: string; interfaceNamePrefix?: string };
  nodePortAddresses?: string[] | null;
  iptables?: {
    masqueradeAll?: boolean;
    masqueradeBit?: number;
    localhostNodePorts?: boolean;
    minSyncPeriod?: string;
    syncPeriod?: string;
  };
  conntrack?: { tcpBeLiberal?: boolean };
  featureGates?: Record<string, boolean>;
}

/** podpath.dev/v1alpha1 Lab: podpath's own header that shapes the default kubeadm lab. */
export interface Lab {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: {
    /** Number of worker nodes (node1…nodeN); default 2. */
    workers?: number;
    /** `weave` (default) or `docker` (docker0 only, no overlay). */
    cni?: string;
    /** Service ClusterIP range; default 10.96.0.0/12. */
    serviceCIDR?: string;
    /** Weave's IPALLOC_RANGE; default 10.32.0.0/12. */
    podNetworkCIDR?: string;
  };
}
