/** The kinds podpath reads, their API versions, and the built-in kinds it knows but does not simulate. */

/** Kinds the engine understands, each with the one apiVersion it is served under. */
export const SUPPORTED_KINDS = {
  Deployment: { apiVersion: 'apps/v1', namespaced: true },
  ReplicaSet: { apiVersion: 'apps/v1', namespaced: true },
  DaemonSet: { apiVersion: 'apps/v1', namespaced: true },
  Pod: { apiVersion: 'v1', namespaced: true },
  Service: { apiVersion: 'v1', namespaced: true },
  Endpoints: { apiVersion: 'v1', namespaced: true },
  EndpointSlice: { apiVersion: 'discovery.k8s.io/v1', namespaced: true },
  Node: { apiVersion: 'v1', namespaced: false },
  KubeProxyConfiguration: { apiVersion: 'kubeproxy.config.k8s.io/v1alpha1', namespaced: false },
  Lab: { apiVersion: 'podpath.dev/v1alpha1', namespaced: false },
} as const;

export type KindName = keyof typeof SUPPORTED_KINDS;

/** Built-in Kubernetes kinds that a real cluster accepts but podpath does not model (kind → apiVersions). */
const BUILT_IN_UNSIMULATED: Readonly<Record<string, readonly string[]>> = {
  Namespace: ['v1'],
  ConfigMap: ['v1'],
  Secret: ['v1'],
  ServiceAccount: ['v1'],
  PersistentVolume: ['v1'],
  PersistentVolumeClaim: ['v1'],
  ReplicationController: ['v1'],
  LimitRange: ['v1'],
  ResourceQuota: ['v1'],
  Event: ['v1', 'events.k8s.io/v1'],
  PodTemplate: ['v1'],
  StatefulSet: ['apps/v1'],
  ControllerRevision: ['apps/v1'],
  Job: ['batch/v1'],
  CronJob: ['batch/v1'],
  Ingress: ['networking.k8s.io/v1'],
  IngressClass: ['networking.k8s.io/v1'],
  NetworkPolicy: ['networking.k8s.io/v1'],
  ServiceCIDR: ['networking.k8s.io/v1', 'networking.k8s.io/v1beta1'],
  IPAddress: ['networking.k8s.io/v1', 'networking.k8s.io/v1beta1'],
  Role: ['rbac.authorization.k8s.io/v1'],
  RoleBinding: ['rbac.authorization.k8s.io/v1'],
  ClusterRole: ['rbac.authorization.k8s.io/v1'],
  ClusterRoleBinding: ['rbac.authorization.k8s.io/v1'],
  HorizontalPodAutoscaler: ['autoscaling/v1', 'autoscaling/v2'],
  PodDisruptionBudget: ['policy/v1'],
  PriorityClass: ['scheduling.k8s.io/v1'],
  StorageClass: ['storage.k8s.io/v1'],
  CustomResourceDefinition: ['apiextensions.k8s.io/v1'],
  Lease: ['coordination.k8s.io/v1'],
  RuntimeClass: ['node.k8s.io/v1'],
};

export function isKindName(kind: string): kind is KindName {
  return Object.prototype.hasOwnProperty.call(SUPPORTED_KINDS, kind);
}

/** What the parser should do with an object of this kind and version. */
export type KindVerdict =
  | { readonly use: true; readonly kind: KindName }
  | { readonly use: false; readonly message: string };

export function classifyKind(kind: string, apiVersion: string): KindVerdict {
  if (isKindName(kind) && SUPPORTED_KINDS[kind].apiVersion === apiVersion)
    return { use: true, kind };
  const builtIn = Object.prototype.hasOwnProperty.call(BUILT_IN_UNSIMULATED, kind)
    ? BUILT_IN_UNSIMULATED[kind]
    : undefined;
  if (builtIn?.includes(apiVersion)) {
    return {
      use: false,
      message: `kind "${kind}" in version "${apiVersion}" is not simulated by podpath: the object is ignored`,
    };
  }
  return { use: false, message: `no matches for kind "${kind}" in version "${apiVersion}"` };
}

/** Whether objects of this kind live in a namespace. */
export function isNamespaced(kind: KindName): boolean {
  return SUPPORTED_KINDS[kind].namespaced;
}
