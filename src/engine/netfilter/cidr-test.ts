/** Address-in-network tests without allocation (rules and ipsets test thousands of them). */
import type { Cidr, Ip } from '../net/ip.ts';

/** Whether `ip` lies in `cidr` (false across families). */
export function cidrHas(cidr: Cidr, ip: Ip): boolean {
  const net = cidr.ip;
  if (net.family === 4 && ip.family === 4) {
    const p = cidr.prefix;
    const mask = p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0;
    return (ip.value & mask) >>> 0 === net.value;
  }
  if (net.family === 6 && ip.family === 6) {
    const shift = BigInt(128 - cidr.prefix);
    return ip.value >> shift === net.value >> shift;
  }
  return false;
}
