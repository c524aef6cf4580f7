/**
 * Consecutive kube-proxy syncs (kube-proxy-iptables.md §7): the first sync is full; later ones
 * are partial and rewrite the per-service chains only of Services whose Service object or
 * EndpointSlices changed; stale chains are deleted in both.
 */
import type { EndpointSlice, Service } from '../k8s/api-types.ts';
import type { ProxierConfig } from './config.ts';
import { generateRestoreDocument } from './generate.ts';
import { formatRestoreDocument, type RestoreDocument } from './restore-document.ts';

/** What kube-proxy remembers between syncs, plus the nat chains it left in the kernel. */
export interface ProxierState {
  readonly natChains: readonly string[];
  /** JSON of each Service and of its slices at the last sync, by `namespace/name`. */
  readonly services: ReadonlyMap<string, string>;
  readonly slices: ReadonlyMap<string, string>;
}

export interface SyncResult {
  readonly document: RestoreDocument;
  readonly text: string;
  readonly state: ProxierState;
}

const keyOf = (ns: string | undefined, name: string | undefined) =>
  `${ns ?? 'default'}/${name ?? ''}`;

function snapshot(services: readonly Service[], slices: readonly EndpointSlice[]) {
  const svcMap = new Map<string, string>();
  for (const s of services)
    svcMap.set(keyOf(s.metadata?.namespace, s.metadata?.name), JSON.stringify(s));
  const grouped = new Map<string, EndpointSlice[]>();
  for (const sl of slices) {
    const svc = sl.metadata?.labels?.['kubernetes.io/service-name'];
    if (!svc) continue;
    const k = keyOf(sl.metadata?.namespace, svc);
    grouped.set(k, [...(grouped.get(k) ?? []), sl]);
  }
  const sliceMap = new Map<string, string>();
  for (const [k, list] of grouped) {
    const names = list.map((l) => JSON.stringify(l)).sort();
    sliceMap.set(k, names.join('\n'));
  }
  return { svcMap, sliceMap };
}

function changedKeys(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of a) if (b.get(k) !== v) out.add(k);
  for (const k of b.keys()) if (!a.has(k)) out.add(k);
  return out;
}

/** One sync. `prev` null (or `full`) makes it a full sync. */
export function syncProxyRules(
  prev: ProxierState | null,
  input: { services: readonly Service[]; endpointSlices: readonly EndpointSlice[] },
  config: ProxierConfig,
  options: { full?: boolean; cleanupDue?: boolean } = {},
): SyncResult {
  const { svcMap, sliceMap } = snapshot(input.services, input.endpointSlices);
  let changedServices: Set<string> | undefined;
  if (prev && !options.full) {
    changedServices = changedKeys(svcMap, prev.services);
    for (const k of changedKeys(sliceMap, prev.slices)) changedServices.add(k);
  }
  const document = generateRestoreDocument(
    {
      services: input.services,
      endpointSlices: input.endpointSlices,
      existingNatChains: prev?.natChains ?? [],
      ...(changedServices ? { changedServices } : {}),
      ...(options.cleanupDue === undefined ? {} : { cleanupDue: options.cleanupDue }),
    },
    config,
  );
  const chains = new Set(prev?.natChains ?? []);
  for (const c of document.nat.chains) chains.add(c);
  for (const line of document.nat.lines)
    if (line.text.startsWith('-X ')) chains.delete(line.text.slice(3));
  return {
    document,
    text: formatRestoreDocument(document),
    state: { natChains: [...chains].sort(), services: svcMap, slices: sliceMap },
  };
}
