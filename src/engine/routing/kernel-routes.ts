/**
 * The routes the kernel adds by itself when an address is configured (`fib_add_ifaddr`): in the
 * `local` table the address itself (`local … scope host`) and the subnet's broadcast address, in
 * `main` the connected route (`proto kernel scope link src …`). On loopback the subnet route is a
 * `local` route too, which is why all of 127.0.0.0/8 is the host's own.
 */
import { cidrLast, formatCidr, formatIp, parseCidr, parseIpv4 } from '../net/ip.ts';
import type { InterfaceAddress } from './interface-address.ts';
import type { Route } from './route.ts';

/** Options for {@link kernelRoutes}. */
export interface KernelRouteOptions {
  /** Devices without carrier: their link-scope routes carry `linkdown`. */
  readonly linkdown?: readonly string[];
  /** Devices that are loopback devices (default: `lo`). */
  readonly loopback?: readonly string[];
}

function routeKey(r: Route): string {
  return `${r.table} ${r.type} ${r.dst} ${r.dev ?? ''}`;
}

/**
 * The kernel routes for a namespace's addresses, in address order, without duplicates. Linux ≥ 5.14
 * no longer adds a broadcast route for the subnet's network address, so only the top address is one.
 *
 * @example
 * kernelRoutes([{ dev: 'weave', address: '10.36.0.0', prefix: 12, broadcast: '10.47.255.255', scope: 'global' }]);
 * // local 10.36.0.0 dev weave …, broadcast 10.47.255.255 dev weave …, 10.32.0.0/12 dev weave … (main)
 */
export function kernelRoutes(
  addresses: readonly InterfaceAddress[],
  options: KernelRouteOptions = {},
): Route[] {
  const down = new Set(options.linkdown ?? []);
  const loopback = new Set(options.loopback ?? ['lo']);
  const out: Route[] = [];
  const seen = new Set<string>();
  const add = (r: Route) => {
    const key = routeKey(r);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(r);
  };
  for (const a of addresses) {
    const ip = parseIpv4(a.address);
    const net = parseCidr(`${a.address}/${a.prefix}`);
    if (!ip || !net) continue;
    const isLoopback = loopback.has(a.dev);
    const linkdown = down.has(a.dev) ? { linkdown: true } : {};
    add({
      table: 'local',
      type: 'local',
      dst: `${a.address}/32`,
      dev: a.dev,
      proto: 'kernel',
      scope: 'host',
      src: a.address,
    });
    if (net.ip.value === 0 || (net.ip.value === ip.value && a.prefix === 32)) continue;
    if (isLoopback) {
      add({
        table: 'local',
        type: 'local',
        dst: formatCidr(net),
        dev: a.dev,
        proto: 'kernel',
        scope: 'host',
        src: a.address,
      });
    } else {
      add({
        table: 'main',
        type: 'unicast',
        dst: formatCidr(net),
        dev: a.dev,
        proto: 'kernel',
        scope: 'link',
        src: a.address,
        ...linkdown,
      });
    }
    if (a.prefix < 31) {
      add({
        table: 'local',
        type: 'broadcast',
        dst: `${formatIp(cidrLast(net))}/32`,
        dev: a.dev,
        proto: 'kernel',
        scope: 'link',
        src: a.address,
        ...linkdown,
      });
    }
  }
  return out;
}
