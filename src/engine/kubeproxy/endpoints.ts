/**
 * Endpoints of a service port as kube-proxy sees them (kube-proxy-iptables.md §1.3) and their
 * categorisation into cluster/local lists (§3).
 */
import type { EndpointSlice } from '../k8s/api-types.ts';
import { formatIp, joinHostPort, parseIp } from '../net/ip.ts';
import { isPlainIpv4 } from '../iptables/addresses.ts';
import type { ProxierConfig } from './config.ts';
import { type ServicePortInfo, usesClusterEndpoints, usesLocalEndpoints } from './service-port.ts';

export interface EndpointInfo {
  /** `ip:port` or `[ip]:port`. */
  readonly endpoint: string;
  readonly ip: string;
  readonly port: number;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  readonly nodeName: string | null;
  /** nodeName equals this proxier's node. */
  readonly local: boolean;
  readonly zoneHints: readonly string[];
  readonly nodeHints: readonly string[];
}

/** Index of EndpointSlices by `namespace/service-name`. */
export type SliceIndex = ReadonlyMap<string, readonly EndpointSlice[]>;

export function indexSlices(slices: readonly EndpointSlice[]): SliceIndex {
  const index = new Map<string, EndpointSlice[]>();
  for (const slice of slices) {
    const svcName = slice.metadata?.labels?.['kubernetes.io/service-name'];
    if (!svcName) continue;
    const key = `${slice.metadata?.namespace ?? 'default'}/${svcName}`;
    const list = index.get(key);
    if (list) list.push(slice);
    else index.set(key, [slice]);
  }
  return index;
}

const NO_HINTS: readonly string[] = Object.freeze([]);

/** The names of topology hints (one shared empty list for the usual endpoint without any). */
function hintNames(hints: readonly { name: string }[] | undefined): readonly string[] {
  return hints && hints.length > 0 ? hints.map((h) => h.name) : NO_HINTS;
}

function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** All endpoints of one service port, de-duplicated and sorted by endpoint string (§1.3). */
export function endpointsForPort(
  sp: ServicePortInfo,
  slices: readonly EndpointSlice[],
  config: ProxierConfig,
): EndpointInfo[] {
  const familyName = config.family === 4 ? 'IPv4' : 'IPv6';
  const byEndpoint = new Map<string, EndpointInfo>();
  for (const slice of slices) {
    if (slice.addressType !== familyName) continue;
    for (const port of slice.ports ?? []) {
      if (port.name === null || port.name === undefined) continue;
      if (!port.port) continue;
      if (port.name !== sp.specPortName || (port.protocol ?? 'TCP') !== sp.apiProtocol) continue;
      for (const ep of slice.endpoints ?? []) {
        const first = ep.addresses?.[0];
        if (first === undefined) continue;
        // (A plain dotted quad, as nearly every slice writes it, is already in canonical form.)
        const parsed = isPlainIpv4(first) ? null : parseIp(first);
        const ip = parsed ? formatIp(parsed) : first;
        const endpoint = joinHostPort(ip, port.port);
        const c = ep.conditions ?? {};
        const nodeName = ep.nodeName ?? null;
        const info: EndpointInfo = {
          endpoint,
          ip,
          port: port.port,
          ready: c.ready !== false,
          serving: c.serving !== false,
          terminating: c.terminating === true,
          nodeName,
          local: nodeName !== null && nodeName !== '' && nodeName === config.nodeName,
          zoneHints: hintNames(ep.hints?.forZones),
          nodeHints: hintNames(ep.hints?.forNodes),
        };
        const existing = byEndpoint.get(endpoint);
        if (existing && info.terminating) continue;
        byEndpoint.set(endpoint, info);
      }
    }
  }
  return [...byEndpoint.values()].sort((a, b) => byteCompare(a.endpoint, b.endpoint));
}

export interface CategorizedEndpoints {
  readonly cluster: readonly EndpointInfo[];
  readonly local: readonly EndpointInfo[];
  /** Usable anywhere (§3.1 item 3). */
  readonly hasEndpoints: boolean;
  /** Those that get a KUBE-SEP chain (§3.1 item 4). */
  readonly reachable: readonly EndpointInfo[];
}

const servingTerminating = (e: EndpointInfo) => e.serving && e.terminating;

/** Topology filter for cluster endpoints (§3.2); null when no filtering applies. */
function topologyFilter(
  ready: readonly EndpointInfo[],
  config: ProxierConfig,
): ((e: EndpointInfo) => boolean) | null {
  if (ready.length === 0) return null;
  if (
    config.preferSameTrafficDistribution &&
    ready.every((e) => e.nodeHints.length > 0) &&
    ready.some((e) => e.nodeHints.includes(config.nodeName))
  ) {
    return (e) => e.nodeHints.includes(config.nodeName);
  }
  const zone = config.zone;
  if (
    zone !== null &&
    ready.every((e) => e.zoneHints.length > 0) &&
    ready.some((e) => e.zoneHints.includes(zone))
  ) {
    return (e) => e.zoneHints.includes(zone);
  }
  return null;
}

export function categorizeEndpoints(
  sp: ServicePortInfo,
  all: readonly EndpointInfo[],
  config: ProxierConfig,
): CategorizedEndpoints {
  const useCluster = usesClusterEndpoints(sp);
  const useLocal = usesLocalEndpoints(sp);
  let cluster: EndpointInfo[] = [];
  let topologyFiltered = false;
  if (useCluster) {
    const ready = all.filter((e) => e.ready);
    const filter = topologyFilter(ready, config);
    topologyFiltered = filter !== null;
    cluster = filter ? ready.filter(filter) : ready;
    if (cluster.length === 0) {
      cluster = all.filter(servingTerminating);
      topologyFiltered = false;
    }
  }
  let local: EndpointInfo[] = [];
  let localFallback = false;
  if (useLocal) {
    local = all.filter((e) => e.local && e.ready);
    if (local.length === 0) {
      local = all.filter((e) => e.local && servingTerminating(e));
      localFallback = local.length > 0;
    }
  }
  const hasEndpoints =
    cluster.length > 0 || (useLocal && all.some((e) => e.ready || servingTerminating(e)));
  let reachable: EndpointInfo[];
  if (!useLocal) reachable = cluster;
  else if (!useCluster) reachable = local;
  else if (!topologyFiltered && !localFallback) reachable = cluster;
  else {
    // Upstream builds the union as a set (order unspecified); the corpus lists it in endpoint order.
    const members = new Set([...cluster, ...local].map((e) => e.endpoint));
    reachable = all.filter((e) => members.has(e.endpoint));
  }
  return { cluster, local, hasEndpoints, reachable };
}
