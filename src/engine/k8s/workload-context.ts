/** State the workload controllers share while the cluster is built: pods, names, workloads, reports. */
import type { ClusterWorkload } from './cluster-model.ts';
import type { PodRecord } from './pods.ts';
import type { Reporter } from './report.ts';
import type { Resource } from './resources.ts';
import type { ManifestSource } from './source.ts';

/** A workload as registered by its controller; counts are filled in once pods are placed. */
export interface WorkloadEntry {
  readonly kind: ClusterWorkload['kind'];
  readonly namespace: string;
  readonly name: string;
  readonly desired: number;
  /** Pods counted as this workload's: those owned by one of these controllers (`Kind/name`). */
  readonly podOwners: readonly string[];
  readonly source: ManifestSource | null;
}

export interface WorkloadContext {
  /** Every pod that exists (input pods, then created ones); controllers add and remove. */
  pods: PodRecord[];
  /** Pods a controller has taken (no other controller may adopt them). */
  readonly claimed: Set<PodRecord>;
  /** ReplicaSets from the input, and which of them a Deployment took over. */
  readonly replicaSets: readonly Resource<'ReplicaSet'>[];
  readonly claimedReplicaSets: Set<Resource<'ReplicaSet'>>;
  /** `namespace/name` of every pod name in use. */
  readonly takenNames: Set<string>;
  readonly workloads: WorkloadEntry[];
  readonly reporter: Reporter;
}

export function createWorkloadContext(
  pods: PodRecord[],
  replicaSets: readonly Resource<'ReplicaSet'>[],
  reporter: Reporter,
): WorkloadContext {
  return {
    pods,
    claimed: new Set(),
    replicaSets,
    claimedReplicaSets: new Set(),
    takenNames: new Set(pods.map((p) => `${p.namespace}/${p.name}`)),
    workloads: [],
    reporter,
  };
}

/** Removes pods a controller deleted. */
export function removePods(ctx: WorkloadContext, deleted: readonly PodRecord[]): void {
  if (deleted.length === 0) return;
  const gone = new Set(deleted);
  ctx.pods = ctx.pods.filter((p) => !gone.has(p));
}

/** Records a controller's pods: `created` ones join the cluster, all are claimed. */
export function claimPods(
  ctx: WorkloadContext,
  pods: readonly PodRecord[],
  created: readonly PodRecord[],
): void {
  ctx.pods.push(...created);
  for (const pod of pods) ctx.claimed.add(pod);
}
