/**
 * A burst's connections counted by the endpoint kube-proxy chose, against the even share 1/n of
 * the Service's ready endpoints. Pure; `revealed` counts only the first connections (the live
 * histogram fills up as they arrive).
 */
import type { ClusterModel, Service, Trace } from '../../engine/index.ts';

export interface EndpointBar {
  /** `10.36.0.1:80`, or the outcome kind for connections that were not delivered. */
  readonly key: string;
  /** The pod behind the endpoint (`default/web-1`), when known. */
  readonly pod: string | null;
  readonly node: string | null;
  readonly count: number;
  /** count / connections counted. */
  readonly share: number;
  /** False for the not-delivered rows (dropped, rejected, unreachable). */
  readonly endpoint: boolean;
}

export interface BurstCounts {
  /** Connections counted so far. */
  readonly counted: number;
  readonly total: number;
  readonly bars: readonly EndpointBar[];
  /** The Service's ready endpoints for the port, or null when the target is not a Service. */
  readonly endpoints: number | null;
  /** 1 / endpoints, or null. */
  readonly even: number | null;
}

interface EndpointInfo {
  readonly key: string;
  readonly pod: string | null;
  readonly node: string | null;
}

/** The Service behind `ip:port` (its cluster IP), if any. */
function serviceAt(cluster: ClusterModel, ip: string, port: number): Service | undefined {
  return cluster.services.find(
    (s) =>
      (s.spec?.clusterIP === ip || (s.spec?.clusterIPs ?? []).includes(ip)) &&
      (s.spec?.ports ?? []).some((p) => p.port === port),
  );
}

/** Ready endpoints of the Service's port, one per distinct `ip:port` (as kube-proxy writes them). */
export function serviceEndpoints(
  cluster: ClusterModel,
  ip: string,
  port: number,
): EndpointInfo[] | null {
  const svc = serviceAt(cluster, ip, port);
  if (!svc) return null;
  const ns = svc.metadata?.namespace ?? 'default';
  const name = svc.metadata?.name;
  const portName = svc.spec?.ports?.find((p) => p.port === port)?.name ?? '';
  const seen = new Map<string, EndpointInfo>();
  for (const slice of cluster.endpointSlices) {
    if ((slice.metadata?.namespace ?? 'default') !== ns) continue;
    if (slice.metadata?.labels?.['kubernetes.io/service-name'] !== name) continue;
    const target = (slice.ports ?? []).find((p) => (p.name ?? '') === portName);
    if (!target?.port) continue;
    for (const e of slice.endpoints ?? []) {
      if (e.conditions?.ready === false) continue;
      const addr = e.addresses?.[0];
      if (!addr) continue;
      const key = `${addr}:${target.port}`;
      if (seen.has(key)) continue;
      const ref = e.targetRef;
      seen.set(key, {
        key,
        pod: ref?.name ? `${ref.namespace ?? ns}/${ref.name}` : null,
        node: e.nodeName ?? null,
      });
    }
  }
  return [...seen.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Counts the first `revealed` connections (all by default). */
export function countBurst(trace: Trace, cluster: ClusterModel, revealed = Infinity): BurstCounts {
  const { dstIp, dport } = trace.request;
  const known = serviceEndpoints(cluster, dstIp, dport);
  const rows = new Map<string, { info: EndpointInfo; count: number; endpoint: boolean }>();
  for (const info of known ?? []) rows.set(info.key, { info, count: 0, endpoint: true });
  const counted = Math.min(trace.connections.length, revealed);
  for (let i = 0; i < counted; i++) {
    const c = trace.connections[i]!;
    const delivered = c.outcome.kind === 'delivered' && c.backend !== null;
    const key = delivered ? `${c.backend!.ip}:${c.backend!.port}` : c.outcome.kind;
    let row = rows.get(key);
    if (!row) {
      const info = {
        key,
        pod: delivered ? c.backend!.pod : null,
        node: delivered ? c.backend!.node : null,
      };
      row = { info, count: 0, endpoint: delivered };
      rows.set(key, row);
    }
    row.count++;
  }
  const bars = [...rows.values()].map(({ info, count, endpoint }) => ({
    ...info,
    count,
    endpoint,
    share: counted > 0 ? count / counted : 0,
  }));
  const endpoints = known ? known.length : null;
  return {
    counted,
    total: trace.connections.length,
    bars,
    endpoints,
    even: endpoints ? 1 / endpoints : null,
  };
}
