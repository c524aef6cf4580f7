/**
 * Prints routes exactly as iproute2 does: `ip route` (the `main` table), `ip route show table
 * local`, and `ip route get`. Every field iproute2 prints is followed by a space, so each route
 * line ends in one, as on a real terminal.
 */
import { compareIp } from '../net/ip.ts';
import type { RouteLookup } from './lookup.ts';
import { ROUTE_ERRNO_TEXT } from './lookup.ts';
import type { Route, RouteTableName } from './route.ts';
import { routeCidr } from './route-match.ts';
import type { RoutingNamespace } from './routing-namespace.ts';

function formatDst(dst: string): string {
  if (dst === '0.0.0.0/0') return 'default';
  return dst.endsWith('/32') ? dst.slice(0, -3) : dst;
}

/**
 * One route as `ip route` prints it (without the newline; with iproute2's trailing space).
 *
 * @example
 * formatRoute(route({ dst: '0.0.0.0/0', via: '10.36.0.0', dev: 'eth0' })); // 'default via 10.36.0.0 dev eth0 '
 */
export function formatRoute(r: Route): string {
  let s = '';
  if (r.type !== 'unicast') s += `${r.type} `;
  s += `${formatDst(r.dst)} `;
  if (r.via !== undefined) s += `via ${r.via} `;
  if (r.dev !== null) s += `dev ${r.dev} `;
  if (r.proto !== 'boot') s += `proto ${r.proto} `;
  if (r.scope !== 'global') s += `scope ${r.scope} `;
  if (r.src !== undefined) s += `src ${r.src} `;
  if (r.metric !== undefined) s += `metric ${r.metric} `;
  if (r.linkdown) s += 'linkdown ';
  return s;
}

/** The kernel's dump order: by destination address, longer prefixes first, then metric. */
export function compareRoutes(a: Route, b: Route): number {
  const ca = routeCidr(a);
  const cb = routeCidr(b);
  if (!ca || !cb) return 0;
  return compareIp(ca.ip, cb.ip) || cb.prefix - ca.prefix || (a.metric ?? 0) - (b.metric ?? 0);
}

/** The routes of one table in the order `ip route show table …` lists them. */
export function routesOf(ns: RoutingNamespace, table: RouteTableName = 'main'): Route[] {
  return ns.routes.filter((r) => r.table === table).sort(compareRoutes);
}

/**
 * `ip route` (table `main`) or `ip route show table local` for a namespace: one line per route,
 * each ending in a newline.
 *
 * @example
 * formatRoutes(podNs);
 * // 'default via 10.36.0.0 dev eth0 \n10.32.0.0/12 dev eth0 proto kernel scope link src 10.36.0.1 \n'
 */
export function formatRoutes(ns: RoutingNamespace, table: RouteTableName = 'main'): string {
  return routesOf(ns, table)
    .map((r) => `${formatRoute(r)}\n`)
    .join('');
}

/**
 * `ip route get DST` for a lookup result: the resolved route plus iproute2's `cache` line, or the
 * error RTNETLINK reports.
 *
 * @example
 * formatRouteGet(lookupRoute(hostNs, '10.96.0.10'));
 * // '10.96.0.10 via 192.168.56.1 dev eth0 src 192.168.56.12 uid 0 \n    cache \n'
 */
export function formatRouteGet(lookup: RouteLookup): string {
  if (lookup.type === 'unreachable') {
    return `RTNETLINK answers: ${ROUTE_ERRNO_TEXT[lookup.errno ?? 'ENETUNREACH']}\n`;
  }
  const src = lookup.src !== null ? `src ${lookup.src} ` : '';
  if (lookup.type === 'local') {
    return `local ${lookup.dst} dev lo ${src}uid 0 \n    cache <local> \n`;
  }
  if (lookup.type === 'broadcast') {
    return `broadcast ${lookup.dst} dev ${lookup.dev} ${src}uid 0 \n    cache <local,brd> \n`;
  }
  const via = lookup.via !== undefined ? `via ${lookup.via} ` : '';
  return `${lookup.dst} ${via}dev ${lookup.dev} ${src}uid 0 \n    cache \n`;
}
