/**
 * What kubeadm (and the Weave manifest) put in a fresh cluster: the `kubernetes` and `kube-dns`
 * Services, the apiserver's EndpointSlice, CoreDNS, and the kube-proxy and weave-net DaemonSets.
 */
import { addToIp, formatIp, type Cidr } from '../net/ip.ts';
import type { DaemonSet, Deployment, EndpointSlice, PodSpec, Service } from './api-types.ts';
import type { CniKind } from './cluster-model.ts';
import { CONTROL_PLANE_TAINT } from './lab.ts';
import { makeResource, type AnyResource } from './resources.ts';

/** kubeadm's `kubernetes` Service IP: the first address of the service range. */
export function kubernetesServiceIP(serviceCIDR: Cidr): string {
  return formatIp(addToIp(serviceCIDR.ip, 1));
}

/** kubeadm's cluster DNS IP: the 10th address of the service range. */
export function clusterDnsIP(serviceCIDR: Cidr): string {
  return formatIp(addToIp(serviceCIDR.ip, 10));
}

function kubernetesService(serviceCIDR: Cidr): Service {
  const ip = kubernetesServiceIP(serviceCIDR);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: ip,
      clusterIPs: [ip],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    },
  };
}

function kubernetesEndpointSlice(apiServerIP: string): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'kubernetes.io/service-name': 'kubernetes' },
    },
    addressType: 'IPv4',
    endpoints: [{ addresses: [apiServerIP], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  };
}

const KUBE_DNS = { 'k8s-app': 'kube-dns' };

function kubeDnsService(serviceCIDR: Cidr): Service {
  const ip = clusterDnsIP(serviceCIDR);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: {
        ...KUBE_DNS,
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: ip,
      clusterIPs: [ip],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
      selector: { ...KUBE_DNS },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  };
}

function corednsDeployment(): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { ...KUBE_DNS } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { ...KUBE_DNS } },
      template: {
        metadata: { labels: { ...KUBE_DNS } },
        spec: {
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: CONTROL_PLANE_TAINT, effect: 'NoSchedule' },
          ],
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.11.3',
              ports: [
                { name: 'dns', containerPort: 53, protocol: 'UDP' },
                { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
                { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
              ],
            },
          ],
        },
      },
    },
  };
}

function daemonSet(
  name: string,
  labels: Record<string, string>,
  containers: { name: string; image: string }[],
  extra: PodSpec,
): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'kube-system', labels: { ...labels } },
    spec: {
      selector: { matchLabels: { ...labels } },
      template: {
        metadata: { labels: { ...labels } },
        spec: { hostNetwork: true, containers, ...extra },
      },
    },
  };
}

function kubeProxyDaemonSet(): DaemonSet {
  return daemonSet(
    'kube-proxy',
    { 'k8s-app': 'kube-proxy' },
    [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.31.0' }],
    {
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { operator: 'Exists' }],
    },
  );
}

function weaveNetDaemonSet(): DaemonSet {
  const containers = [
    { name: 'weave', image: 'weaveworks/weave-kube:2.8.1' },
    { name: 'weave-npc', image: 'weaveworks/weave-npc:2.8.1' },
  ];
  return daemonSet('weave-net', { name: 'weave-net' }, containers, {
    tolerations: [
      { effect: 'NoSchedule', operator: 'Exists' },
      { effect: 'NoExecute', operator: 'Exists' },
    ],
  });
}

/** The objects of a fresh kubeadm cluster; `weave-net` only when Weave is the CNI. */
export function systemObjects(serviceCIDR: Cidr, apiServerIP: string, cni: CniKind): AnyResource[] {
  const out: AnyResource[] = [
    makeResource('Service', kubernetesService(serviceCIDR)),
    makeResource('EndpointSlice', kubernetesEndpointSlice(apiServerIP)),
    makeResource('Service', kubeDnsService(serviceCIDR)),
    makeResource('Deployment', corednsDeployment()),
    makeResource('DaemonSet', kubeProxyDaemonSet()),
  ];
  if (cni === 'weave') out.push(makeResource('DaemonSet', weaveNetDaemonSet()));
  return out;
}
