/**
 * The Deployment controller: one ReplicaSet `<deploy>-<pod-template-hash>` per Deployment. The
 * hash is taken from a ReplicaSet or pods pasted from a real cluster when there are some (their
 * pods are adopted), else computed from the template. Standalone ReplicaSets run on their own.
 */
import type { LabelSelector, PodTemplate } from './api-types.ts';
import { matchesSelector } from './labels.ts';
import { podTemplateHash } from './naming.ts';
import type { PodRecord } from './pods.ts';
import { objectPath } from './report.ts';
import { reconcileReplicaSet, type ReplicaSetResult } from './replicaset-controller.ts';
import type { Resource } from './resources.ts';
import { claimPods, removePods, type WorkloadContext } from './workload-context.ts';

export const POD_TEMPLATE_HASH = 'pod-template-hash';

function controllerRef(r: Resource<'ReplicaSet'>): { kind?: string; name?: string } | undefined {
  return (r.object.metadata?.ownerReferences ?? []).find((o) => o.controller);
}

/** Input ReplicaSets this Deployment owns (by ownerReference, or orphans its selector matches). */
function claimReplicaSets(
  ctx: WorkloadContext,
  d: Resource<'Deployment'>,
): Resource<'ReplicaSet'>[] {
  const selector = d.object.spec?.selector;
  const mine = ctx.replicaSets.filter((rs) => {
    if (rs.namespace !== d.namespace || ctx.claimedReplicaSets.has(rs)) return false;
    const ref = controllerRef(rs);
    if (ref) return ref.kind === 'Deployment' && ref.name === d.name;
    return matchesSelector(selector, rs.object.metadata?.labels ?? {});
  });
  for (const rs of mine) ctx.claimedReplicaSets.add(rs);
  return mine;
}

/** Pods the Deployment's ReplicaSets may adopt: matching, labelled with a hash, not taken yet. */
function candidatePods(
  ctx: WorkloadContext,
  namespace: string,
  selector: LabelSelector | undefined,
): PodRecord[] {
  return ctx.pods.filter(
    (p) =>
      p.namespace === namespace &&
      !ctx.claimed.has(p) &&
      (p.owner === null || p.owner.kind === 'ReplicaSet') &&
      p.labels[POD_TEMPLATE_HASH] !== undefined &&
      matchesSelector(selector, p.labels),
  );
}

function hashOf(rs: Resource<'ReplicaSet'>, deployment: string): string | undefined {
  const label = rs.object.metadata?.labels?.[POD_TEMPLATE_HASH];
  if (label) return label;
  return rs.name.startsWith(`${deployment}-`) ? rs.name.slice(deployment.length + 1) : undefined;
}

/** The template the ReplicaSet gets: the Deployment's, plus the hash label. */
function templateWithHash(template: PodTemplate | undefined, hash: string): PodTemplate {
  return {
    ...(template ?? {}),
    metadata: {
      ...(template?.metadata ?? {}),
      labels: { ...(template?.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash },
    },
  };
}

function reportDeleted(
  ctx: WorkloadContext,
  result: ReplicaSetResult,
  rsName: string,
  replicas: number,
): void {
  for (const pod of result.deleted) {
    const message = `Pod ${JSON.stringify(pod.name)} is deleted by ReplicaSet ${JSON.stringify(rsName)}, which wants ${replicas} replica(s)`;
    ctx.reporter.warning(pod.source, objectPath(pod.source), message);
  }
}

/** Runs one Deployment: its current ReplicaSet, old ones scaled to 0, pods adopted or created. */
export function runDeployment(ctx: WorkloadContext, d: Resource<'Deployment'>): void {
  const spec = d.object.spec ?? {};
  const replicas = spec.replicas ?? 1;
  const claimedSets = claimReplicaSets(ctx, d);
  const candidates = candidatePods(ctx, d.namespace, spec.selector);
  const hash =
    claimedSets.map((rs) => hashOf(rs, d.name)).find((h) => h !== undefined) ??
    candidates[0]?.labels[POD_TEMPLATE_HASH] ??
    podTemplateHash(spec.template ?? {});
  const rsName = `${d.name}-${hash}`;
  const owned = candidates.filter((p) => p.labels[POD_TEMPLATE_HASH] === hash);
  const old = candidates.filter((p) => p.labels[POD_TEMPLATE_HASH] !== hash);
  const oldNames = new Set<string>();
  for (const rs of claimedSets) if (hashOf(rs, d.name) !== hash) oldNames.add(rs.name);
  for (const pod of old) {
    const oldRs = `${d.name}-${pod.labels[POD_TEMPLATE_HASH] ?? ''}`;
    oldNames.add(oldRs);
    const message = `Pod ${JSON.stringify(pod.name)} belongs to ReplicaSet ${JSON.stringify(oldRs)}, an old revision of Deployment ${JSON.stringify(d.name)} scaled down to 0: the pod is deleted`;
    ctx.reporter.warning(pod.source, objectPath(pod.source), message);
  }
  removePods(ctx, old);
  const result = reconcileReplicaSet(
    {
      namespace: d.namespace,
      name: rsName,
      replicas,
      template: templateWithHash(spec.template, hash),
      extraLabels: { [POD_TEMPLATE_HASH]: hash },
    },
    owned,
    ctx.takenNames,
  );
  reportDeleted(ctx, result, rsName, replicas);
  removePods(ctx, result.deleted);
  claimPods(ctx, result.pods, result.created);
  const rsSource = claimedSets.find((rs) => rs.name === rsName)?.source ?? null;
  ctx.workloads.push({
    kind: 'Deployment',
    namespace: d.namespace,
    name: d.name,
    desired: replicas,
    podOwners: [`ReplicaSet/${rsName}`],
    source: d.source,
  });
  ctx.workloads.push({
    kind: 'ReplicaSet',
    namespace: d.namespace,
    name: rsName,
    desired: replicas,
    podOwners: [`ReplicaSet/${rsName}`],
    source: rsSource,
  });
  for (const name of [...oldNames].sort()) {
    const source = claimedSets.find((rs) => rs.name === name)?.source ?? null;
    ctx.workloads.push({
      kind: 'ReplicaSet',
      namespace: d.namespace,
      name,
      desired: 0,
      podOwners: [],
      source,
    });
  }
}

/** Runs a ReplicaSet no Deployment took over: adopts the orphans its selector matches. */
export function runReplicaSet(ctx: WorkloadContext, rs: Resource<'ReplicaSet'>): void {
  const spec = rs.object.spec ?? {};
  const replicas = spec.replicas ?? 1;
  const owned = ctx.pods.filter(
    (p) =>
      p.namespace === rs.namespace &&
      !ctx.claimed.has(p) &&
      (p.owner === null || (p.owner.kind === 'ReplicaSet' && p.owner.name === rs.name)) &&
      matchesSelector(spec.selector, p.labels),
  );
  const result = reconcileReplicaSet(
    { namespace: rs.namespace, name: rs.name, replicas, template: spec.template },
    owned,
    ctx.takenNames,
  );
  reportDeleted(ctx, result, rs.name, replicas);
  removePods(ctx, result.deleted);
  claimPods(ctx, result.pods, result.created);
  ctx.workloads.push({
    kind: 'ReplicaSet',
    namespace: rs.namespace,
    name: rs.name,
    desired: replicas,
    podOwners: [`ReplicaSet/${rs.name}`],
    source: rs.source,
  });
}
