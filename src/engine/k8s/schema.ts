/**
 * The wire shape of the fields podpath reads, with the Go type names the API server uses in its
 * decoding errors (`cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32`).
 */
import type { KindName } from './kinds.ts';

export type Schema =
  | { readonly t: 'string' }
  | { readonly t: 'int32' }
  | { readonly t: 'int64' }
  | { readonly t: 'bool' }
  | { readonly t: 'intOrString' }
  | { readonly t: 'any' }
  /** map[string]<of>. */
  | { readonly t: 'map'; readonly of: Schema }
  /** []<of>; `go` is the Go element type name, e.g. `v1.ServicePort`. */
  | { readonly t: 'list'; readonly of: Schema; readonly go: string }
  /**
   * A Go struct; `go` is its type name, e.g. `v1.ServiceSpec`. `open` structs keep the fields
   * podpath does not type (a pod template's env, resources… still count for its hash).
   */
  | {
      readonly t: 'struct';
      readonly go: string;
      readonly fields: Readonly<Record<string, Schema>>;
      readonly open?: boolean;
    };

const str: Schema = { t: 'string' };
const i32: Schema = { t: 'int32' };
const bool: Schema = { t: 'bool' };
const strMap: Schema = { t: 'map', of: str };
const strList: Schema = { t: 'list', of: str, go: 'string' };
const struct = (go: string, fields: Record<string, Schema>): Schema => ({
  t: 'struct',
  go,
  fields,
});
const list = (of: Schema & { go: string }): Schema => ({ t: 'list', of, go: of.go });
const boolMap: Schema = { t: 'map', of: bool };

const ownerReference = typed('v1.OwnerReference', {
  apiVersion: str,
  kind: str,
  name: str,
  uid: str,
  controller: bool,
});
const objectMeta = struct('v1.ObjectMeta', {
  name: str,
  generateName: str,
  namespace: str,
  uid: str,
  labels: strMap,
  annotations: strMap,
  ownerReferences: list(ownerReference),
  deletionTimestamp: str,
});

function typed(go: string, fields: Record<string, Schema>): Schema & { go: string } {
  return { t: 'struct', go, fields };
}

function open(go: string, fields: Record<string, Schema>): Schema & { go: string } {
  return { t: 'struct', go, fields, open: true };
}

const servicePort = typed('v1.ServicePort', {
  name: str,
  protocol: str,
  port: i32,
  targetPort: { t: 'intOrString' },
  nodePort: i32,
  appProtocol: str,
});
const service = struct('v1.Service', {
  apiVersion: str,
  kind: str,
  metadata: objectMeta,
  spec: struct('v1.ServiceSpec', {
    type: str,
    clusterIP: str,
    clusterIPs: strList,
    ipFamilies: strList,
    ipFamilyPolicy: str,
    selector: strMap,
    ports: list(servicePort),
    externalIPs: strList,
    externalTrafficPolicy: str,
    internalTrafficPolicy: str,
    healthCheckNodePort: i32,
    loadBalancerIP: str,
    loadBalancerSourceRanges: strList,
    sessionAffinity: str,
    sessionAffinityConfig: struct('v1.SessionAffinityConfig', {
      clientIP: struct('v1.ClientIPConfig', { timeoutSeconds: i32 }),
    }),
    externalName: str,
    publishNotReadyAddresses: bool,
    trafficDistribution: str,
    allocateLoadBalancerNodePorts: bool,
  }),
  status: struct('v1.ServiceStatus', {
    loadBalancer: struct('v1.LoadBalancerStatus', {
      ingress: list(typed('v1.LoadBalancerIngress', { ip: str, hostname: str, ipMode: str })),
    }),
  }),
});

const objectReference = struct('v1.ObjectReference', {
  kind: str,
  name: str,
  namespace: str,
  uid: str,
});
const endpointSlice = struct('v1.EndpointSlice', {
  apiVersion: str,
  kind: str,
  metadata: objectMeta,
  addressType: str,
  endpoints: list(
    typed('v1.Endpoint', {
      addresses: strList,
      conditions: struct('v1.EndpointConditions', {
        ready: bool,
        serving: bool,
        terminating: bool,
      }),
      nodeName: str,
      zone: str,
      hostname: str,
      targetRef: objectReference,
      hints: struct('v1.EndpointHints', {
        forZones: list(typed('v1.ForZone', { name: str })),
        forNodes: list(typed('v1.ForNode', { name: str })),
      }),
    }),
  ),
  ports: list(typed('v1.EndpointPort', { name: str, port: i32, protocol: str, appProtocol: str })),
});

const endpointAddress = typed('v1.EndpointAddress', {
  ip: str,
  nodeName: str,
  hostname: str,
  targetRef: objectReference,
});
const endpoints = struct('v1.Endpoints', {
  apiVersion: str,
  kind: str,
  metadata: objectMeta,
  subsets: list(
    typed('v1.EndpointSubset', {
      addresses: list(endpointAddress),
      notReadyAddresses: list(endpointAddress),
      ports: list(typed('v1.EndpointPort', { name: str, port: i32, protocol: str })),
    }),
  ),
});

const toleration = typed('v1.Toleration', { key: str, operator: str, value: str, effect: str });
const container = open('v1.Container', {
  name: str,
  image: str,
  ports: list(
    typed('v1.ContainerPort', { name: str, containerPort: i32, protocol: str, hostPort: i32 }),
  ),
});
const podSpec = open('v1.PodSpec', {
  nodeName: str,
  nodeSelector: strMap,
  tolerations: list(toleration),
  hostNetwork: bool,
  containers: list(container),
  restartPolicy: str,
});
const podTemplate = struct('v1.PodTemplateSpec', { metadata: objectMeta, spec: podSpec });
const labelSelector = struct('v1.LabelSelector', {
  matchLabels: strMap,
  matchExpressions: list(
    typed('v1.LabelSelectorRequirement', { key: str, operator: str, values: strList }),
  ),
});
const pod = struct('v1.Pod', {
  apiVersion: str,
  kind: str,
  metadata: objectMeta,
  spec: podSpec,
  status: struct('v1.PodStatus', {
    phase: str,
    hostIP: str,
    podIP: str,
    podIPs: list(typed('v1.PodIP', { ip: str })),
    conditions: list(typed('v1.PodCondition', { type: str, status: str })),
  }),
});
const workloadSpec = (go: string) =>
  struct(go, { replicas: i32, selector: labelSelector, template: podTemplate });
const node = struct('v1.Node', {
  apiVersion: str,
  kind: str,
  metadata: objectMeta,
  spec: struct('v1.NodeSpec', {
    podCIDR: str,
    podCIDRs: strList,
    taints: list(typed('v1.Taint', { key: str, value: str, effect: str })),
    unschedulable: bool,
  }),
  status: struct('v1.NodeStatus', {
    addresses: list(typed('v1.NodeAddress', { type: str, address: str })),
    conditions: list(typed('v1.NodeCondition', { type: str, status: str })),
  }),
});
const kubeProxyConfiguration = struct('v1alpha1.KubeProxyConfiguration', {
  apiVersion: str,
  kind: str,
  mode: str,
  clusterCIDR: str,
  detectLocalMode: str,
  detectLocal: struct('v1alpha1.DetectLocalConfiguration', {
    bridgeInterface: str,
    interfaceNamePrefix: str,
  }),
  nodePortAddresses: strList,
  iptables: struct('v1alpha1.KubeProxyIPTablesConfiguration', {
    masqueradeAll: bool,
    masqueradeBit: i32,
    localhostNodePorts: bool,
    minSyncPeriod: str,
    syncPeriod: str,
  }),
  conntrack: struct('v1alpha1.KubeProxyConntrackConfiguration', { tcpBeLiberal: bool }),
  featureGates: boolMap,
});
const lab = struct('v1alpha1.Lab', {
  apiVersion: str,
  kind: str,
  metadata: objectMeta,
  spec: struct('v1alpha1.LabSpec', {
    workers: i32,
    cni: str,
    serviceCIDR: str,
    podNetworkCIDR: str,
  }),
});

/** The schema of each kind podpath reads. */
export const KIND_SCHEMAS: Readonly<Record<KindName, Schema>> = {
  Service: service,
  EndpointSlice: endpointSlice,
  Endpoints: endpoints,
  Pod: pod,
  Deployment: struct('v1.Deployment', {
    apiVersion: str,
    kind: str,
    metadata: objectMeta,
    spec: workloadSpec('v1.DeploymentSpec'),
  }),
  ReplicaSet: struct('v1.ReplicaSet', {
    apiVersion: str,
    kind: str,
    metadata: objectMeta,
    spec: workloadSpec('v1.ReplicaSetSpec'),
  }),
  DaemonSet: struct('v1.DaemonSet', {
    apiVersion: str,
    kind: str,
    metadata: objectMeta,
    spec: workloadSpec('v1.DaemonSetSpec'),
  }),
  Node: node,
  KubeProxyConfiguration: kubeProxyConfiguration,
  Lab: lab,
};

/** Type name as printed in `of type …`. */
export function goTypeName(schema: Schema): string {
  switch (schema.t) {
    case 'string':
    case 'int32':
    case 'int64':
    case 'bool':
      return schema.t;
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'any':
      return 'interface {}';
    case 'map':
      return `map[string]${goTypeName(schema.of)}`;
    case 'list':
      return `[]${schema.go}`;
    case 'struct':
      return schema.go;
  }
}
