/**
 * The EndpointSlice controller: for a Service with a selector, one endpoint per matching pod
 * with an IP, grouped into slices by resolved port list (at most 100 endpoints each).
 */
import { parseIp } from '../net/ip.ts';
import type {
  Endpoint,
  EndpointSlice,
  EndpointSlicePort,
  Service,
  ServicePort,
} from './api-types.ts';
import type { ClusterNode, ClusterPod } from './cluster-model.ts';
import { createRng, generateName } from './naming.ts';
import { podsMatching } from './pod-index.ts';
import type { Resource } from './resources.ts';

export const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const SERVICE_NAME = 'kubernetes.io/service-name';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** podutil.FindPort: the number a Service port's targetPort means for this pod, or null. */
export function resolveTargetPort(
  port: ServicePort,
  pod: Pick<ClusterPod, 'containers'>,
): number | null {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  if (target === undefined) return null;
  const protocol = port.protocol ?? 'TCP';
  for (const c of pod.containers) {
    for (const p of c.ports)
      if (p.name === target && p.protocol === protocol) return p.containerPort;
  }
  return null;
}

/** Pods the Service selects and the controller lists: same namespace, with an IP, not finished. */
export function selectedPods(svc: Resource<'Service'>, pods: readonly ClusterPod[]): ClusterPod[] {
  return podsMatching(pods, svc.namespace, svc.object.spec?.selector ?? {})
    .filter(
      (p) =>
        p.ip !== null &&
        p.phase !== 'Succeeded' &&
        p.phase !== 'Failed' &&
        parseIp(p.ip)?.family === 4,
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function podEndpoint(svc: Service, pod: ClusterPod, zones: ReadonlyMap<string, string>): Endpoint {
  const serving = pod.ready;
  const terminating = pod.terminating;
  const ready = Boolean(svc.spec?.publishNotReadyAddresses) || (serving && !terminating);
  const zone = pod.nodeName ? zones.get(pod.nodeName) : undefined;
  return {
    addresses: [pod.ip ?? ''],
    conditions: { ready, serving, terminating },
    ...(pod.nodeName ? { nodeName: pod.nodeName } : {}),
    ...(zone ? { zone } : {}),
    targetRef: { kind: 'Pod', namespace: pod.namespace, name: pod.name },
  };
}

function podPorts(svc: Service, pod: ClusterPod): EndpointSlicePort[] {
  const out: EndpointSlicePort[] = [];
  for (const port of svc.spec?.ports ?? []) {
    const number = resolveTargetPort(port, pod);
    if (number === null) continue;
    out.push({
      name: port.name ?? '',
      port: number,
      protocol: port.protocol ?? 'TCP',
      ...(port.appProtocol ? { appProtocol: port.appProtocol } : {}),
    });
  }
  return out;
}

/** Whether the controller manages slices for this Service (a non-empty selector, not ExternalName). */
export function managesSlices(svc: Resource<'Service'>): boolean {
  return (
    svc.object.spec?.type !== 'ExternalName' &&
    Object.keys(svc.object.spec?.selector ?? {}).length > 0
  );
}

/** The slices of one Service; `takenNames` holds `namespace/name` of slices that exist. */
export function buildEndpointSlices(
  svc: Resource<'Service'>,
  pods: readonly ClusterPod[],
  nodes: readonly ClusterNode[],
  takenNames: Set<string>,
): EndpointSlice[] {
  if (!managesSlices(svc)) return [];
  const zones = new Map(
    nodes.flatMap((n) =>
      n.labels['topology.kubernetes.io/zone']
        ? [[n.name, n.labels['topology.kubernetes.io/zone']] as const]
        : [],
    ),
  );
  const groups = new Map<string, { ports: EndpointSlicePort[]; endpoints: Endpoint[] }>();
  for (const pod of selectedPods(svc, pods)) {
    const ports = podPorts(svc.object, pod);
    const key = JSON.stringify(ports);
    let group = groups.get(key);
    if (!group) {
      group = { ports, endpoints: [] };
      groups.set(key, group);
    }
    group.endpoints.push(podEndpoint(svc.object, pod, zones));
  }
  const chunks: { ports: EndpointSlicePort[] | null; endpoints: Endpoint[] }[] = [];
  for (const g of groups.values()) {
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE)
      chunks.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
  }
  if (chunks.length === 0) chunks.push({ ports: null, endpoints: [] }); // the placeholder slice
  const labels: Record<string, string> = {
    ...(svc.object.metadata?.labels ?? {}),
    [MANAGED_BY]: CONTROLLER_NAME,
    [SERVICE_NAME]: svc.name,
  };
  if (svc.object.spec?.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  const rng = createRng(`${svc.namespace}/${svc.name}/endpointslices`);
  return chunks.map((chunk) => {
    const name = generateName(`${svc.name}-`, rng, {
      has: (n) => takenNames.has(`${svc.namespace}/${n}`),
    });
    takenNames.add(`${svc.namespace}/${name}`);
    return {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name,
        namespace: svc.namespace,
        labels: { ...labels },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.name, controller: true }],
      },
      addressType: 'IPv4',
      endpoints: chunk.endpoints,
      ports: chunk.ports,
    };
  });
}
