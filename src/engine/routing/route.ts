/**
 * One entry of a Linux IPv4 routing table, as `ip route` shows it. Plain readonly data; the
 * kernel's own routes come from interface addresses (kernel-routes.ts), the others are added
 * by whoever configures the namespace (DHCP/netplan on a node, the CNI plugin in a pod).
 */

/** The routing tables podpath models: `ip rule` consults `local` (priority 0) before `main` (32766). */
export type RouteTableName = 'local' | 'main';

/** `rtm_type`: what a match means (`unicast` is the default and is not printed). */
export type RouteType =
  'unicast' | 'local' | 'broadcast' | 'unreachable' | 'blackhole' | 'prohibit';

/** `rtm_protocol`: who installed the route (`boot` is the default and is not printed). */
export type RouteProto = 'kernel' | 'boot' | 'static' | 'dhcp';

/** `rtm_scope`: how far the destination is (`global`, i.e. universe, is not printed). */
export type RouteScope = 'global' | 'link' | 'host';

export interface Route {
  /** Table the route lives in. */
  readonly table: RouteTableName;
  /** Route type. */
  readonly type: RouteType;
  /** Destination as `network/prefix`; `0.0.0.0/0` prints as `default`, a /32 without its prefix. */
  readonly dst: string;
  /** Gateway (`via`); absent for on-link (connected) routes. */
  readonly via?: string;
  /** Output device; null for routes that have none (`unreachable`, `blackhole`, `prohibit`). */
  readonly dev: string | null;
  /** Origin (`proto`). */
  readonly proto: RouteProto;
  /** Scope. */
  readonly scope: RouteScope;
  /** Preferred source address (`src`, the kernel's prefsrc). */
  readonly src?: string;
  /** Priority (`metric`); absent means 0. */
  readonly metric?: number;
  /** The device has no carrier (`linkdown`), e.g. docker0 before any container is attached. */
  readonly linkdown?: boolean;
}

/** Builds a route with the defaults `ip route add` would use (unicast, proto boot, scope global). */
export function route(fields: Partial<Route> & Pick<Route, 'dst' | 'dev'>): Route {
  return { table: 'main', type: 'unicast', proto: 'boot', scope: 'global', ...fields };
}
