/**
 * Builders for tests (and examples): small, named Kubernetes objects, YAML from them, and a
 * way to find where a piece of text sits (line:col) to check diagnostic positions.
 */
import { stringify } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics.ts';
import type {
  ContainerPort,
  Deployment,
  EndpointSlice,
  KubeProxyConfiguration,
  Lab,
  Node,
  Pod,
  Service,
  ServicePort,
  Taint,
  Toleration,
} from './api-types.ts';
import type { CompileResult } from './cluster-model.ts';
import { compileManifests } from './compile.ts';
import type { ManifestFile } from './parse.ts';

/** Objects as a multi-document YAML stream. */
export function yamlOf(...objects: readonly unknown[]): string {
  return objects.map((o) => stringify(o)).join('---\n');
}

/** Compiles one `scenario.yaml` made of these objects (or this text). */
export function compileText(text: string, name = 'scenario.yaml'): CompileResult {
  return compileManifests([{ name, text }]);
}

export function compileObjects(...objects: readonly unknown[]): CompileResult {
  return compileText(yamlOf(...objects));
}

export function files(...texts: readonly string[]): ManifestFile[] {
  return texts.map((text, i) => ({ name: i === 0 ? 'scenario.yaml' : `file${i + 1}.yaml`, text }));
}

/** Messages of the diagnostics of one severity (both when omitted). */
export function messages(diagnostics: readonly Diagnostic[], severity?: Severity): string[] {
  return diagnostics.filter((d) => !severity || d.severity === severity).map((d) => d.message);
}

/** 1-based line:col and offset of the `nth` (0-based) occurrence of `needle` in `text`. */
export function positionOf(
  text: string,
  needle: string,
  nth = 0,
): { line: number; col: number; from: number } {
  let from = -1;
  for (let i = 0; i <= nth; i++) {
    from = text.indexOf(needle, from + 1);
    if (from < 0) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${nth + 1} times`);
  }
  const before = text.slice(0, from);
  const line = before.split('\n').length;
  return { line, col: from - before.lastIndexOf('\n'), from };
}

export interface ServiceOptions {
  name?: string;
  namespace?: string;
  type?: string;
  clusterIP?: string;
  selector?: Record<string, string> | null;
  ports?: ServicePort[];
  spec?: Service['spec'];
}

export function service(o: ServiceOptions = {}): Service {
  const spec: NonNullable<Service['spec']> = {
    ...(o.type ? { type: o.type } : {}),
    ...(o.clusterIP ? { clusterIP: o.clusterIP } : {}),
    ...(o.selector === null ? {} : { selector: o.selector ?? { app: 'web' } }),
    ports: o.ports ?? [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
    ...(o.spec ?? {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: o.name ?? 'web', ...(o.namespace ? { namespace: o.namespace } : {}) },
    spec,
  };
}

export interface DeploymentOptions {
  name?: string;
  namespace?: string;
  replicas?: number;
  labels?: Record<string, string>;
  image?: string;
  ports?: ContainerPort[];
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
}

export function deployment(o: DeploymentOptions = {}): Deployment {
  const labels = o.labels ?? { app: 'web' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: o.name ?? 'web', ...(o.namespace ? { namespace: o.namespace } : {}) },
    spec: {
      replicas: o.replicas ?? 2,
      selector: { matchLabels: { ...labels } },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
          ...(o.tolerations ? { tolerations: o.tolerations } : {}),
          containers: [
            { name: 'app', image: o.image ?? 'nginx:1.27', ...(o.ports ? { ports: o.ports } : {}) },
          ],
        },
      },
    },
  };
}

export interface PodOptions {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  nodeName?: string;
  podIP?: string;
  ready?: boolean;
  ports?: ContainerPort[];
  hostNetwork?: boolean;
}

export function pod(o: PodOptions = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: o.name ?? 'web-1',
      ...(o.namespace ? { namespace: o.namespace } : {}),
      labels: o.labels ?? { app: 'web' },
    },
    spec: {
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...(o.hostNetwork ? { hostNetwork: true } : {}),
      containers: [{ name: 'app', image: 'nginx:1.27', ...(o.ports ? { ports: o.ports } : {}) }],
    },
    ...(o.podIP
      ? {
          status: {
            phase: 'Running',
            podIP: o.podIP,
            conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }],
          },
        }
      : {}),
  };
}

export interface NodeOptions {
  name: string;
  ip: string;
  controlPlane?: boolean;
  labels?: Record<string, string>;
  taints?: Taint[];
  podCIDR?: string;
  unschedulable?: boolean;
}

export function node(o: NodeOptions): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: o.name,
      labels: {
        'kubernetes.io/hostname': o.name,
        'kubernetes.io/os': 'linux',
        ...(o.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
        ...(o.labels ?? {}),
      },
    },
    spec: {
      ...(o.podCIDR ? { podCIDR: o.podCIDR, podCIDRs: [o.podCIDR] } : {}),
      ...(o.taints
        ? { taints: o.taints }
        : o.controlPlane
          ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }
          : {}),
      ...(o.unschedulable ? { unschedulable: true } : {}),
    },
    status: { addresses: [{ type: 'InternalIP', address: o.ip }] },
  };
}

export function lab(spec: NonNullable<Lab['spec']> = {}): Lab {
  return { apiVersion: 'podpath.dev/v1alpha1', kind: 'Lab', metadata: { name: 'lab' }, spec };
}

export function kubeProxyConfig(
  fields: Omit<KubeProxyConfiguration, 'apiVersion' | 'kind'> = {},
): KubeProxyConfiguration {
  return {
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    ...fields,
  };
}

export function endpointSlice(
  name: string,
  serviceName: string,
  addresses: string[],
  port = 8080,
): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, labels: { 'kubernetes.io/service-name': serviceName } },
    addressType: 'IPv4',
    endpoints: addresses.map((a) => ({ addresses: [a], conditions: { ready: true } })),
    ports: [{ name: '', port, protocol: 'TCP' }],
  };
}
