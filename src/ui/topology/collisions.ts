/**
 * Pods on different nodes with the same address: what docker0 on every node gives you
 * (172.17.0.2 on node1 and on node2), and why it cannot route between nodes.
 */
import type { ClusterNetwork } from '../../engine/index.ts';

export interface Collision {
  readonly nsId: string;
  /** The other pod's name and node (the first one, by namespace id). */
  readonly otherNamespace: string;
  readonly otherName: string;
  readonly otherNode: string;
}

/** Pod namespace id → the first pod elsewhere with its address. */
export function findCollisions(network: ClusterNetwork): ReadonlyMap<string, Collision> {
  const byIp = new Map<string, { nsId: string; node: string; namespace: string; name: string }[]>();
  for (const node of network.nodes)
    for (const ns of node.pods) {
      const ip = podAddress(ns.interfaces);
      if (!ip || !ns.pod) continue;
      const list = byIp.get(ip) ?? [];
      list.push({ nsId: ns.id, node: node.node, namespace: ns.pod.namespace, name: ns.pod.name });
      byIp.set(ip, list);
    }
  const out = new Map<string, Collision>();
  for (const list of byIp.values()) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => (a.nsId < b.nsId ? -1 : a.nsId > b.nsId ? 1 : 0));
    for (const p of sorted) {
      const other = sorted.find((o) => o.node !== p.node);
      if (other)
        out.set(p.nsId, {
          nsId: p.nsId,
          otherNamespace: other.namespace,
          otherName: other.name,
          otherNode: other.node,
        });
    }
  }
  return out;
}

/** The pod's address: its eth0's first IPv4 address. */
export function podAddress(
  interfaces: readonly {
    readonly name: string;
    readonly addresses: readonly { readonly address: string }[];
  }[],
): string | null {
  return interfaces.find((i) => i.name === 'eth0')?.addresses[0]?.address ?? null;
}
