/**
 * The ReplicaSet controller: adopt the matching pods, delete the surplus (unscheduled, then
 * not ready, then newest name first), create the missing ones as `<rs>-<5 chars>`.
 */
import type { PodTemplate } from './api-types.ts';
import { createRng, generateName } from './naming.ts';
import { podFromTemplate, type PodRecord } from './pods.ts';

export interface ReplicaSetSpec {
  readonly namespace: string;
  readonly name: string;
  readonly replicas: number;
  readonly template: PodTemplate | undefined;
  /** Labels added to the template's (`pod-template-hash`). */
  readonly extraLabels?: Readonly<Record<string, string>>;
}

export interface ReplicaSetResult {
  /** The pods the ReplicaSet now has (adopted first, then created). */
  readonly pods: PodRecord[];
  /** The pods among `pods` it created. */
  readonly created: PodRecord[];
  /** Adopted pods it deleted to get down to `replicas`. */
  readonly deleted: PodRecord[];
}

/** Active pods count toward replicas; terminating and finished ones do not. */
function isActive(pod: PodRecord): boolean {
  return !pod.terminating && pod.phase !== 'Succeeded' && pod.phase !== 'Failed';
}

/** Deletion order: pods the controller would remove first come first. */
function deletionRank(a: PodRecord, b: PodRecord): number {
  const unscheduled = Number(b.nodeName === null) - Number(a.nodeName === null);
  if (unscheduled !== 0) return unscheduled;
  const notReady = Number(!b.ready) - Number(!a.ready);
  if (notReady !== 0) return notReady;
  return a.name < b.name ? 1 : a.name > b.name ? -1 : 0;
}

/** Reconciles one ReplicaSet against the pods it owns; `takenNames` (`namespace/name`) gets the new pods. */
export function reconcileReplicaSet(
  spec: ReplicaSetSpec,
  owned: readonly PodRecord[],
  takenNames: Set<string>,
): ReplicaSetResult {
  const owner = { kind: 'ReplicaSet', name: spec.name };
  for (const pod of owned) pod.owner = owner;
  const active = owned.filter(isActive);
  const inactive = owned.filter((p) => !isActive(p));
  const deleted: PodRecord[] = [];
  let kept = active;
  if (active.length > spec.replicas) {
    const ranked = [...active].sort(deletionRank);
    const surplus = new Set(ranked.slice(0, active.length - spec.replicas));
    deleted.push(...surplus);
    kept = active.filter((p) => !surplus.has(p));
  }
  const created: PodRecord[] = [];
  const rng = createRng(`${spec.namespace}/${spec.name}`);
  for (let i = kept.length; i < spec.replicas; i++) {
    const name = generateName(`${spec.name}-`, rng, {
      has: (n) => takenNames.has(`${spec.namespace}/${n}`),
    });
    takenNames.add(`${spec.namespace}/${name}`);
    created.push(podFromTemplate(spec.namespace, name, spec.template, owner, spec.extraLabels));
  }
  return { pods: [...kept, ...inactive, ...created], created, deleted };
}
