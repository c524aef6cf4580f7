/**
 * kube-scheduler, reduced to what decides placement in a small lab: filters (NodeUnschedulable,
 * TaintToleration, NodeAffinity/nodeSelector) and a spreading score, with its "0/N nodes" message.
 */
import type { Taint, Toleration } from './api-types.ts';
import { matchesMap } from './labels.ts';

/** What the scheduler knows about a node. */
export interface SchedulingNode {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[];
  readonly unschedulable: boolean;
}

/** What the scheduler needs from a pod. */
export interface SchedulingPod {
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly tolerations?: readonly Toleration[];
  /** Identity of the owning controller (`ReplicaSet/default/web-abc`), for spreading; null for bare pods. */
  readonly ownerKey: string | null;
}

/** Pods already placed, per node: all of them and per owner. */
export interface PlacementCounts {
  readonly total: Map<string, number>;
  readonly byOwner: Map<string, number>;
}

export type ScheduleResult =
  { readonly nodeName: string } | { readonly nodeName: null; readonly reason: string };

export function emptyCounts(): PlacementCounts {
  return { total: new Map(), byOwner: new Map() };
}

/** Records a pod placed on a node (so later pods spread around it). */
export function countPlacement(
  counts: PlacementCounts,
  nodeName: string,
  ownerKey: string | null,
): void {
  counts.total.set(nodeName, (counts.total.get(nodeName) ?? 0) + 1);
  if (ownerKey)
    counts.byOwner.set(
      `${ownerKey}@${nodeName}`,
      (counts.byOwner.get(`${ownerKey}@${nodeName}`) ?? 0) + 1,
    );
}

/** v1helper.ToleratesTaint. */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  const key = toleration.key ?? '';
  if (toleration.operator === 'Exists') return key === '' || key === taint.key;
  return key === taint.key && (toleration.value ?? '') === (taint.value ?? '');
}

/** The first NoSchedule/NoExecute taint of the node that no toleration tolerates. */
export function untoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
): Taint | null {
  for (const taint of taints) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!tolerations.some((t) => tolerates(t, taint))) return taint;
  }
  return null;
}

const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable';

/** Why a node does not fit the pod (the first failing filter), or null when it fits. */
function filterReason(pod: SchedulingPod, node: SchedulingNode): string | null {
  const tolerations = pod.tolerations ?? [];
  if (
    node.unschedulable &&
    !tolerations.some((t) => tolerates(t, { key: UNSCHEDULABLE_TAINT, effect: 'NoSchedule' }))
  ) {
    return 'node(s) were unschedulable';
  }
  const taint = untoleratedTaint(node.taints, tolerations);
  if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  if (!matchesMap(pod.nodeSelector ?? {}, node.labels))
    return "node(s) didn't match Pod's node affinity/selector";
  return null;
}

/** Picks a node: filters, then fewest pods of the same owner, fewest pods overall, node order. */
export function schedulePod(
  pod: SchedulingPod,
  nodes: readonly SchedulingNode[],
  counts: PlacementCounts,
): ScheduleResult {
  if (nodes.length === 0) return { nodeName: null, reason: 'no nodes available to schedule pods' };
  const reasons = new Map<string, number>();
  let best: SchedulingNode | null = null;
  let bestScore: [number, number] = [Infinity, Infinity];
  for (const node of nodes) {
    const reason = filterReason(pod, node);
    if (reason) {
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      continue;
    }
    const sameOwner = pod.ownerKey ? (counts.byOwner.get(`${pod.ownerKey}@${node.name}`) ?? 0) : 0;
    const score: [number, number] = [sameOwner, counts.total.get(node.name) ?? 0];
    if (score[0] < bestScore[0] || (score[0] === bestScore[0] && score[1] < bestScore[1])) {
      best = node;
      bestScore = score;
    }
  }
  if (best) return { nodeName: best.name };
  const histogram = [...reasons].map(([reason, n]) => `${n} ${reason}`).sort();
  return {
    nodeName: null,
    reason: `0/${nodes.length} nodes are available: ${histogram.join(', ')}.`,
  };
}
