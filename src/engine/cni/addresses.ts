/** Interface addresses the way `ip addr add ADDR/PREFIX brd + dev DEV` configures them. */
import { cidrLast, formatIp, parseCidr } from '../net/ip.ts';
import type { InterfaceAddress } from '../routing/interface-address.ts';

/** A global address with the subnet's broadcast address (none for /31 and /32). */
export function globalAddress(dev: string, address: string, prefix: number): InterfaceAddress {
  const net = parseCidr(`${address}/${prefix}`);
  const broadcast = net && prefix < 31 ? formatIp(cidrLast(net)) : null;
  return { dev, address, prefix, broadcast, scope: 'global' };
}

/** `inet 127.0.0.1/8 scope host lo`. */
export const LOOPBACK_ADDRESS: InterfaceAddress = {
  dev: 'lo',
  address: '127.0.0.1',
  prefix: 8,
  broadcast: null,
  scope: 'host',
};
