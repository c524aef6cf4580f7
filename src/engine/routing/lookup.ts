/**
 * The kernel's route lookup (`fib_lookup`, what `ip route get` shows): the `local` table first,
 * then `main`; inside a table the longest prefix wins, then the lowest metric.
 */
import { parseIpv4 } from '../net/ip.ts';
import type { Route, RouteTableName } from './route.ts';
import { matchRoute } from './route-match.ts';
import type { RoutingNamespace } from './routing-namespace.ts';
import { selectSourceAddress } from './source-address.ts';

/** `ip rule`'s default order for IPv4 (the `default` table is always empty here). */
export const RULE_ORDER: readonly RouteTableName[] = ['local', 'main'];

/** Why a destination cannot be routed, as the errno a socket call would return. */
export type RouteErrno = 'ENETUNREACH' | 'EHOSTUNREACH' | 'EACCES' | 'EINVAL';

/** The message `strerror` gives for each {@link RouteErrno}. */
export const ROUTE_ERRNO_TEXT: Readonly<Record<RouteErrno, string>> = {
  ENETUNREACH: 'Network is unreachable',
  EHOSTUNREACH: 'No route to host',
  EACCES: 'Permission denied',
  EINVAL: 'Invalid argument',
};

export interface RouteLookup {
  /** The destination looked up. */
  readonly dst: string;
  /** `local`: delivered to this namespace; `broadcast`: a subnet broadcast; `unicast`: sent out `dev`. */
  readonly type: 'local' | 'unicast' | 'broadcast' | 'unreachable';
  /** Output device (`lo` for local delivery); null when unreachable. */
  readonly dev: string | null;
  /** Gateway to hand the packet to; absent when the destination is on-link. */
  readonly via?: string;
  /** Source address a new socket gets; null when unreachable. */
  readonly src: string | null;
  /** Table of the matching route; null when nothing matched. */
  readonly table: RouteTableName | null;
  /** The matching route; null when nothing matched. */
  readonly route: Route | null;
  /** For `unreachable`: the errno (`ENETUNREACH` when no route matched at all). */
  readonly errno?: RouteErrno;
}

function unreachable(dst: string, route: Route | null, errno: RouteErrno): RouteLookup {
  return {
    dst,
    type: 'unreachable',
    dev: null,
    src: null,
    table: route?.table ?? null,
    route,
    errno,
  };
}

/**
 * Routes `dst` in `ns` the way the kernel does for a new outgoing packet.
 *
 * @example
 * lookupRoute(podNs, '10.100.100.100');
 * // { type: 'unicast', dev: 'eth0', via: '10.36.0.0', src: '10.36.0.1', table: 'main', … }
 */
export function lookupRoute(ns: RoutingNamespace, dst: string): RouteLookup {
  const ip = parseIpv4(dst);
  if (!ip) return unreachable(dst, null, 'EINVAL');
  for (const table of RULE_ORDER) {
    const r = matchRoute(ns.routes, table, ip);
    if (!r) continue;
    switch (r.type) {
      case 'local':
        return { dst, type: 'local', dev: 'lo', src: r.src ?? dst, table, route: r };
      case 'broadcast':
        return { dst, type: 'broadcast', dev: r.dev, src: r.src ?? null, table, route: r };
      case 'unreachable':
        return unreachable(dst, r, 'EHOSTUNREACH');
      case 'prohibit':
        return unreachable(dst, r, 'EACCES');
      case 'blackhole':
        return unreachable(dst, r, 'EINVAL');
      case 'unicast': {
        const dev = r.dev;
        if (dev === null) return unreachable(dst, r, 'ENETUNREACH');
        const src = r.src ?? selectSourceAddress(ns, dev, r.via ?? dst);
        const via = r.via !== undefined ? { via: r.via } : {};
        return { dst, type: 'unicast', dev, ...via, src, table, route: r };
      }
    }
  }
  return unreachable(dst, null, 'ENETUNREACH');
}

/** The address the packet is handed to on the link: the gateway, or the destination itself. */
export function nextHop(lookup: RouteLookup): string | null {
  if (lookup.type !== 'unicast') return null;
  return lookup.via ?? lookup.dst;
}
