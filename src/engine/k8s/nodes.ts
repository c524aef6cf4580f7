/** Nodes as the rest of the build sees them: address, role, labels, taints, pod CIDRs. */
import { canonicalIp } from '../net/ip.ts';
import type { Taint } from './api-types.ts';
import type { ClusterNode } from './cluster-model.ts';
import { guarded, type Reporter } from './report.ts';
import type { Resource } from './resources.ts';
import type { SchedulingNode } from './scheduler.ts';
import type { ManifestSource } from './source.ts';

/** A node before its pod network is known. */
export interface NodeInfo extends SchedulingNode {
  readonly internalIP: string;
  readonly role: ClusterNode['role'];
  readonly podCIDRs: readonly string[];
  readonly source: ManifestSource | null;
}

const CONTROL_PLANE_LABELS = [
  'node-role.kubernetes.io/control-plane',
  'node-role.kubernetes.io/master',
];

/** The node's InternalIP (ExternalIP when it has none), canonical. */
function nodeAddress(r: Resource<'Node'>): { ip: string; index: number } | null {
  const addresses = r.object.status?.addresses ?? [];
  for (const type of ['InternalIP', 'ExternalIP']) {
    const index = addresses.findIndex((a) => a.type === type && canonicalIp(a.address ?? ''));
    const found = addresses[index];
    if (found) return { ip: canonicalIp(found.address ?? '') ?? '', index };
  }
  return null;
}

/** One node's NodeInfo (null without a usable address: validation has reported it). */
function readNode(
  r: Resource<'Node'>,
  byIp: Map<string, string>,
  reporter: Reporter,
): NodeInfo | null {
  const address = nodeAddress(r);
  if (!address) return null;
  const other = byIp.get(address.ip);
  if (other) {
    reporter.warning(
      r.source,
      ['status', 'addresses', address.index, 'address'],
      `node ${JSON.stringify(r.name)} has the same address ${address.ip} as node ${JSON.stringify(other)}: packets for it go to only one of them`,
    );
  }
  byIp.set(address.ip, r.name);
  const labels = { ...(r.object.metadata?.labels ?? {}) };
  const spec = r.object.spec ?? {};
  const taints: Taint[] = (spec.taints ?? []).map((t) => ({
    key: t.key,
    ...(t.value ? { value: t.value } : {}),
    effect: t.effect,
  }));
  return {
    name: r.name,
    internalIP: address.ip,
    role: CONTROL_PLANE_LABELS.some((l) => l in labels) ? 'control-plane' : 'worker',
    labels,
    taints,
    unschedulable: Boolean(spec.unschedulable),
    podCIDRs: spec.podCIDRs?.length ? spec.podCIDRs : spec.podCIDR ? [spec.podCIDR] : [],
    source: r.source,
  };
}

/** NodeInfo for each Node object (those without a usable address are left out). */
export function readNodes(nodes: readonly Resource<'Node'>[], reporter: Reporter): NodeInfo[] {
  const byIp = new Map<string, string>();
  const out: NodeInfo[] = [];
  for (const r of nodes) {
    const info = guarded(reporter, r.source, 'node reader', () => readNode(r, byIp, reporter));
    if (info) out.push(info);
  }
  return out;
}
