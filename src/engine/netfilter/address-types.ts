/**
 * Route types of addresses as `-m addrtype` sees them. IPv4 follows inet_dev_addr_type: 0.0.0.0/8
 * and 255.255.255.255 are BROADCAST, 224/4 MULTICAST, then the node's local routing table decides
 * (an address of the node is LOCAL, a whole loopback subnet is LOCAL, a subnet's broadcast address
 * is BROADCAST), anything else is UNICAST. Routes that are not in the context (blackhole,
 * unreachable, prohibit…) are never reported.
 */
import type { Ip } from '../net/ip.ts';
import type { InterfaceAddress } from './context.ts';

/** Type names in rtnetlink order: bit i of a type mask is `1 << i`. */
export const ADDRESS_TYPES = [
  'UNSPEC',
  'UNICAST',
  'LOCAL',
  'BROADCAST',
  'ANYCAST',
  'MULTICAST',
  'BLACKHOLE',
  'UNREACHABLE',
  'PROHIBIT',
  'THROW',
  'NAT',
  'XRESOLVE',
] as const;

export const TYPE_UNSPEC = 1 << 0;
export const TYPE_UNICAST = 1 << 1;
export const TYPE_LOCAL = 1 << 2;
export const TYPE_BROADCAST = 1 << 3;
export const TYPE_MULTICAST = 1 << 5;

/** A comma list of type names (`LOCAL,BROADCAST`) as a mask, or null for an unknown name. */
export function parseTypeMask(text: string): number | null {
  let mask = 0;
  for (const name of text.split(',')) {
    const bit = (ADDRESS_TYPES as readonly string[]).indexOf(name);
    if (bit < 0) return null;
    mask |= 1 << bit;
  }
  return mask;
}

function isLoopback(iface: string): boolean {
  return iface === 'lo';
}

function v4Mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** The IPv4 route type of `value` (one bit), looking only at routes via `dev` when given. */
function typeOfIpv4(
  value: number,
  addresses: readonly InterfaceAddress[],
  dev: string | null,
): number {
  if (value >>> 24 === 0 || value === 0xffffffff) return TYPE_BROADCAST;
  if (value >>> 28 === 0xe) return TYPE_MULTICAST;
  let found = 0;
  let foundDev = '';
  for (const a of addresses) {
    if (a.ip.family !== 4) continue;
    const mask = v4Mask(a.prefix);
    if (
      a.ip.value === value ||
      (isLoopback(a.iface) && (value & mask) >>> 0 === (a.ip.value & mask) >>> 0)
    ) {
      found = TYPE_LOCAL;
      foundDev = a.iface;
      break;
    }
    if (!found && a.prefix < 31 && ((a.ip.value & mask) | ~mask) >>> 0 === value) {
      found = TYPE_BROADCAST;
      foundDev = a.iface;
    }
  }
  if (found === 0 || (dev !== null && dev !== foundDev)) return TYPE_UNICAST;
  return found;
}

function isLocalIpv6(
  value: bigint,
  addresses: readonly InterfaceAddress[],
  dev: string | null,
): boolean {
  if (value === 1n) return dev === null || isLoopback(dev);
  for (const a of addresses) {
    if (a.ip.family === 6 && a.ip.value === value) return dev === null || a.iface === dev;
  }
  return false;
}

/**
 * Whether `ip` has one of the types in `mask` (xt_addrtype's match_type / match_type6).
 * `dev` is the interface of `--limit-iface-in/out`, or null.
 */
export function matchesAddressType(
  ip: Ip,
  mask: number,
  addresses: readonly InterfaceAddress[],
  dev: string | null,
): boolean {
  if (ip.family === 4) return (typeOfIpv4(ip.value, addresses, dev) & mask) !== 0;
  // match_type6 treats the requested types as constraints that must all hold.
  const multicast = ip.value >> 120n === 0xffn;
  const unspecified = ip.value === 0n;
  if (mask & TYPE_MULTICAST && !multicast) return false;
  if (mask & TYPE_UNICAST && (multicast || unspecified)) return false;
  if (mask & TYPE_UNSPEC && !unspecified) return false;
  if (mask & TYPE_LOCAL) return isLocalIpv6(ip.value, addresses, dev);
  return mask !== 0;
}

/** The node's address on `iface` to masquerade to (inet_select_addr: same subnet as `near` first). */
export function selectSourceAddress(
  addresses: readonly InterfaceAddress[],
  iface: string | null,
  family: 4 | 6,
  near: Ip | undefined,
): Ip | null {
  let first: Ip | null = null;
  for (const a of addresses) {
    if (a.iface !== iface || a.ip.family !== family) continue;
    first ??= a.ip;
    if (near && near.family === 4 && a.ip.family === 4) {
      const mask = v4Mask(a.prefix);
      if ((near.value & mask) >>> 0 === (a.ip.value & mask) >>> 0) return a.ip;
    }
  }
  return first;
}
