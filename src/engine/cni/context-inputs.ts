/**
 * A node's facts in the text shapes netfilter's `makeContext` takes (`ContextSpec.addresses`,
 * `ContextSpec.ipsets`), so the simulator glue can hand them over without reshaping.
 */
import type { IpSet } from './ipset.ts';
import type { NetNamespace } from './network-model.ts';

/**
 * `iface addr/prefix` for every address of the namespace, e.g. `eth0 192.168.56.12/24`.
 *
 * @example
 * makeContext({ addresses: addressSpecs(node2.host), ipsets: ipSetLists(tables.ipsets) });
 */
export function addressSpecs(ns: NetNamespace): string[] {
  return ns.interfaces.flatMap((i) => i.addresses.map((a) => `${i.name} ${a.address}/${a.prefix}`));
}

/** Set name → its members (addresses or CIDRs). */
export function ipSetLists(sets: readonly IpSet[]): Record<string, string[]> {
  return Object.fromEntries(sets.map((s) => [s.name, s.entries.map((e) => e.value)]));
}
