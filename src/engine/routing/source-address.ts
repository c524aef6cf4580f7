/**
 * The source address the kernel picks for a route without `src` (`inet_select_addr`): a primary
 * address of the output device, preferably in the same subnet as the next hop; failing that, the
 * first global address of any other interface.
 */
import { cidrContains, parseCidr, parseIpv4 } from '../net/ip.ts';
import type { RoutingNamespace } from './routing-namespace.ts';

/** Source address for traffic out of `dev` towards `nextHop` (null when the namespace has none). */
export function selectSourceAddress(
  ns: RoutingNamespace,
  dev: string,
  nextHop: string,
): string | null {
  const target = parseIpv4(nextHop);
  const own = ns.interfaces.find((i) => i.name === dev)?.addresses ?? [];
  const usable = own.filter((a) => a.scope !== 'host');
  if (target) {
    for (const a of usable) {
      const net = parseCidr(`${a.address}/${a.prefix}`);
      if (net && cidrContains(net, target)) return a.address;
    }
  }
  if (usable[0]) return usable[0].address;
  for (const i of ns.interfaces) {
    const global = i.addresses.find((a) => a.scope === 'global');
    if (global) return global.address;
  }
  return null;
}
