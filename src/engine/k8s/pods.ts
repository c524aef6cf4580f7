/**
 * Pods while the cluster is being built: records made from the user's Pod objects (kept as
 * pasted: node, IP, Ready) or from a controller's template, and their final ClusterPod form.
 */
import { canonicalIp } from '../net/ip.ts';
import type { Pod, PodSpec, PodTemplate } from './api-types.ts';
import type { ClusterPod } from './cluster-model.ts';
import type { Resource } from './resources.ts';
import type { ManifestSource } from './source.ts';

/** A pod during the build; controllers and the scheduler fill it in. */
export interface PodRecord {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly spec: PodSpec;
  /** The controller that owns it (`{ kind: 'ReplicaSet', name }`), null for bare pods. */
  owner: { readonly kind: string; readonly name: string } | null;
  /** Bound node; null until scheduled. */
  nodeName: string | null;
  ip: string | null;
  phase: ClusterPod['phase'];
  ready: boolean;
  readonly terminating: boolean;
  /** Why it is Pending / has no address. */
  reason?: string;
  /** The user's Pod object, when it came from the input. */
  readonly source: ManifestSource | null;
  /** The pod came with a status (pasted from a real cluster): phase, IP and Ready are kept. */
  readonly observed: boolean;
}

/** `ReplicaSet/<ns>/<name>` of the pod's controller, for spreading and adoption. */
export function ownerKey(pod: PodRecord): string | null {
  return pod.owner ? `${pod.owner.kind}/${pod.namespace}/${pod.owner.name}` : null;
}

const PHASES: readonly ClusterPod['phase'][] = ['Pending', 'Running', 'Succeeded', 'Failed'];

/** A record for a Pod object from the input (`status` honoured when present). */
export function podFromInput(r: Resource<'Pod'>): PodRecord {
  const pod: Pod = r.object;
  const status = pod.status;
  const controller = (pod.metadata?.ownerReferences ?? []).find(
    (o) => o.controller && o.kind && o.name,
  );
  const givenPhase = PHASES.find((p) => p === status?.phase);
  const readyCondition = status?.conditions?.find((c) => c.type === 'Ready');
  const observed = status !== undefined && Object.keys(status).length > 0;
  const ip = status?.podIP ? canonicalIp(status.podIP) : null;
  const phase = givenPhase ?? 'Running';
  return {
    namespace: r.namespace,
    name: r.name,
    labels: { ...(pod.metadata?.labels ?? {}) },
    spec: pod.spec ?? {},
    owner: controller ? { kind: controller.kind ?? '', name: controller.name ?? '' } : null,
    nodeName: pod.spec?.nodeName ?? null,
    ip: pod.spec?.hostNetwork ? null : ip,
    phase,
    ready: readyCondition ? readyCondition.status === 'True' : phase === 'Running',
    terminating: Boolean(pod.metadata?.deletionTimestamp),
    source: r.source,
    observed,
  };
}

/** A new pod a controller creates from its template. */
export function podFromTemplate(
  namespace: string,
  name: string,
  template: PodTemplate | undefined,
  owner: { kind: string; name: string },
  extraLabels: Readonly<Record<string, string>> = {},
  nodeName: string | null = null,
): PodRecord {
  return {
    namespace,
    name,
    labels: { ...(template?.metadata?.labels ?? {}), ...extraLabels },
    spec: template?.spec ?? {},
    owner,
    nodeName: nodeName ?? template?.spec?.nodeName ?? null,
    ip: null,
    phase: 'Running',
    ready: true,
    terminating: false,
    source: null,
    observed: false,
  };
}

/** The pod as the model shows it (hostNetwork pods take their node's IP). */
export function toClusterPod(pod: PodRecord, nodeIPs: ReadonlyMap<string, string>): ClusterPod {
  const hostNetwork = Boolean(pod.spec.hostNetwork);
  const scheduled = pod.nodeName !== null && nodeIPs.has(pod.nodeName);
  const ip = !scheduled ? null : hostNetwork ? (nodeIPs.get(pod.nodeName ?? '') ?? null) : pod.ip;
  const phase = scheduled ? pod.phase : 'Pending';
  const containers = (pod.spec.containers ?? []).map((c) => ({
    name: c.name ?? '',
    image: c.image ?? '',
    ports: (c.ports ?? []).map((p) => ({
      ...(p.name ? { name: p.name } : {}),
      containerPort: p.containerPort ?? 0,
      protocol: p.protocol ?? 'TCP',
    })),
  }));
  return {
    namespace: pod.namespace,
    name: pod.name,
    labels: pod.labels,
    nodeName: scheduled ? pod.nodeName : null,
    ip,
    hostNetwork,
    phase,
    ready: scheduled && pod.ready && ip !== null && phase === 'Running',
    terminating: pod.terminating,
    owner: pod.owner,
    containers,
    ...(pod.reason ? { reason: pod.reason } : {}),
    ...(pod.source
      ? { source: { file: pod.source.file, from: pod.source.from, to: pod.source.to } }
      : {}),
  };
}
