/**
 * The DaemonSet controller: exactly one pod per eligible node (`<ds>-<5 chars>`, bound straight
 * to the node), pods on other nodes deleted. Eligible = nodeSelector matches and taints tolerated.
 */
import type { Toleration } from './api-types.ts';
import { matchesMap, matchesSelector } from './labels.ts';
import { createRng, generateName } from './naming.ts';
import { podFromTemplate, type PodRecord } from './pods.ts';
import { objectPath } from './report.ts';
import type { Resource } from './resources.ts';
import { untoleratedTaint, type SchedulingNode } from './scheduler.ts';
import { claimPods, removePods, type WorkloadContext } from './workload-context.ts';

/** Tolerations the DaemonSet controller adds to every daemon pod. */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork)
    t.push({
      key: 'node.kubernetes.io/network-unavailable',
      operator: 'Exists',
      effect: 'NoSchedule',
    });
  return t;
}

export function runDaemonSet(
  ctx: WorkloadContext,
  ds: Resource<'DaemonSet'>,
  nodes: readonly SchedulingNode[],
): void {
  const spec = ds.object.spec ?? {};
  const podSpec = spec.template?.spec ?? {};
  const tolerations = [
    ...(podSpec.tolerations ?? []),
    ...daemonTolerations(Boolean(podSpec.hostNetwork)),
  ];
  const eligible = nodes.filter(
    (n) =>
      matchesMap(podSpec.nodeSelector ?? {}, n.labels) && !untoleratedTaint(n.taints, tolerations),
  );
  const existing = ctx.pods.filter(
    (p) =>
      p.namespace === ds.namespace &&
      !ctx.claimed.has(p) &&
      (p.owner === null || (p.owner.kind === 'DaemonSet' && p.owner.name === ds.name)) &&
      matchesSelector(spec.selector, p.labels),
  );
  const owner = { kind: 'DaemonSet', name: ds.name };
  const template = { ...(spec.template ?? {}), spec: { ...podSpec, tolerations } };
  const kept: PodRecord[] = [];
  const created: PodRecord[] = [];
  for (const node of eligible) {
    const onNode = existing.find((p) => p.nodeName === node.name && !kept.includes(p));
    if (onNode) {
      onNode.owner = owner;
      kept.push(onNode);
      continue;
    }
    const rng = createRng(`${ds.namespace}/${ds.name}/${node.name}`);
    const name = generateName(`${ds.name}-`, rng, {
      has: (n) => ctx.takenNames.has(`${ds.namespace}/${n}`),
    });
    ctx.takenNames.add(`${ds.namespace}/${name}`);
    created.push(podFromTemplate(ds.namespace, name, template, owner, {}, node.name));
  }
  const deleted = existing.filter((p) => !kept.includes(p));
  for (const pod of deleted) {
    const message = `Pod ${JSON.stringify(pod.name)} is deleted by DaemonSet ${JSON.stringify(ds.name)}: it already has its one pod on every node that fits`;
    ctx.reporter.warning(pod.source, objectPath(pod.source), message);
  }
  removePods(ctx, deleted);
  claimPods(ctx, [...kept, ...created], created);
  ctx.workloads.push({
    kind: 'DaemonSet',
    namespace: ds.namespace,
    name: ds.name,
    desired: eligible.length,
    podOwners: [`DaemonSet/${ds.name}`],
    source: ds.source,
  });
}
