/** Longest-prefix match inside one routing table, the way the kernel's FIB trie answers it. */
import type { Cidr, Ip } from '../net/ip.ts';
import { cidrContains, parseCidr } from '../net/ip.ts';
import type { Route, RouteTableName } from './route.ts';

const parsed = new WeakMap<Route, Cidr | null>();

/** The route's destination as a CIDR (null if it does not parse). */
export function routeCidr(r: Route): Cidr | null {
  let c = parsed.get(r);
  if (c === undefined) {
    c = parseCidr(r.dst);
    parsed.set(r, c);
  }
  return c;
}

/**
 * The best route for `ip` in `table`: the longest matching prefix, then the lowest metric, then
 * the first one listed. Null when no route in the table covers the address.
 */
export function matchRoute(routes: readonly Route[], table: RouteTableName, ip: Ip): Route | null {
  let best: Route | null = null;
  let bestPrefix = -1;
  let bestMetric = Infinity;
  for (const r of routes) {
    if (r.table !== table) continue;
    const cidr = routeCidr(r);
    if (!cidr || !cidrContains(cidr, ip)) continue;
    const metric = r.metric ?? 0;
    if (cidr.prefix > bestPrefix || (cidr.prefix === bestPrefix && metric < bestMetric)) {
      best = r;
      bestPrefix = cidr.prefix;
      bestMetric = metric;
    }
  }
  return best;
}
