/** What `kubectl get deploy/rs/ds` would count, and warnings for workloads whose pods are stuck. */
import type { ClusterPod, ClusterWorkload } from './cluster-model.ts';
import type { PodRecord } from './pods.ts';
import { objectPath, type Reporter } from './report.ts';
import type { WorkloadContext, WorkloadEntry } from './workload-context.ts';

/** Pods by `namespace/Kind/name` of their owner. */
function byOwner<P extends { namespace: string; owner: { kind: string; name: string } | null }>(
  pods: readonly P[],
): Map<string, P[]> {
  const out = new Map<string, P[]>();
  for (const p of pods) {
    if (!p.owner) continue;
    const key = `${p.namespace}/${p.owner.kind}/${p.owner.name}`;
    const list = out.get(key);
    if (list) list.push(p);
    else out.set(key, [p]);
  }
  return out;
}

function podsOf<P>(index: Map<string, P[]>, w: WorkloadEntry): P[] {
  return w.podOwners.flatMap((owner) => index.get(`${w.namespace}/${owner}`) ?? []);
}

/** Desired, current and ready pods of every workload the controllers registered. */
export function summariseWorkloads(
  ctx: WorkloadContext,
  pods: readonly ClusterPod[],
): ClusterWorkload[] {
  const index = byOwner(pods);
  return ctx.workloads.map((w) => {
    const mine = podsOf(index, w).filter((p) => !p.terminating);
    return {
      kind: w.kind,
      namespace: w.namespace,
      name: w.name,
      desired: w.desired,
      current: mine.length,
      ready: mine.filter((p) => p.ready).length,
      ...(w.source
        ? { source: { file: w.source.file, from: w.source.from, to: w.source.to } }
        : {}),
    };
  });
}

/** One warning per workload whose pods cannot be scheduled or addressed (and per such bare pod). */
export function reportStuckPods(
  ctx: WorkloadContext,
  nodeNames: ReadonlySet<string>,
  reporter: Reporter,
): void {
  // Pods bound to a node that does not exist were reported where they name it.
  const stuck = (p: PodRecord) =>
    Boolean(p.reason) && (p.nodeName === null || nodeNames.has(p.nodeName));
  const index = byOwner(ctx.pods);
  for (const w of ctx.workloads) {
    const pods = podsOf(index, w).filter(stuck);
    const first = pods[0];
    if (!first || !w.source) continue;
    const message = `${pods.length} pod(s) of ${w.kind} ${JSON.stringify(w.name)} are Pending: ${first.reason ?? ''}`;
    reporter.warning(w.source, objectPath(w.source), message);
  }
  for (const pod of ctx.pods) {
    if (!pod.source || !stuck(pod) || ctx.claimed.has(pod)) continue;
    reporter.warning(
      pod.source,
      objectPath(pod.source),
      `Pod ${JSON.stringify(pod.name)} is Pending: ${pod.reason ?? ''}`,
    );
  }
}
