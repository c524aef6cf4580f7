/**
 * `inet_addr_type`: what an address is to this namespace, the answer `-m addrtype --dst-type` /
 * `--src-type` compares against. LOCAL covers every address in a `local` route, so all of
 * 127.0.0.0/8 as well as the interfaces' own addresses.
 */
import { parseIpv4 } from '../net/ip.ts';
import { matchRoute } from './route-match.ts';
import type { RoutingNamespace } from './routing-namespace.ts';

/** addrtype's names for the kernel's route types. */
export type AddressType =
  'UNICAST' | 'LOCAL' | 'BROADCAST' | 'MULTICAST' | 'BLACKHOLE' | 'UNREACHABLE' | 'PROHIBIT';

const BY_ROUTE_TYPE = {
  unicast: 'UNICAST',
  local: 'LOCAL',
  broadcast: 'BROADCAST',
  unreachable: 'UNREACHABLE',
  blackhole: 'BLACKHOLE',
  prohibit: 'PROHIBIT',
} as const;

/**
 * The type of `address` in `ns` (only the `local` table decides; anything it lacks is UNICAST).
 *
 * @example
 * addressType(hostNs, '127.0.0.53'); // 'LOCAL'
 * addressType(hostNs, '10.96.0.10'); // 'UNICAST'
 */
export function addressType(ns: RoutingNamespace, address: string): AddressType {
  const ip = parseIpv4(address);
  if (ip?.family !== 4) return 'UNICAST';
  // 0.0.0.0/8 and 255.255.255.255 are broadcast, 224.0.0.0/4 multicast, before any table lookup.
  if (ip.value >>> 24 === 0 || ip.value === 0xffffffff) return 'BROADCAST';
  if (ip.value >>> 28 === 0xe) return 'MULTICAST';
  const r = matchRoute(ns.routes, 'local', ip);
  return r ? BY_ROUTE_TYPE[r.type] : 'UNICAST';
}

/** Whether `address` is one of the namespace's own (`--dst-type LOCAL`). */
export function isLocalAddress(ns: RoutingNamespace, address: string): boolean {
  return addressType(ns, address) === 'LOCAL';
}
