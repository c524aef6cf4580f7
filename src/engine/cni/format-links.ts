/**
 * Prints a namespace's interfaces the way iproute2 does, so a learner can compare with a real
 * node: `ip link` and `ip -4 addr`. Like iproute2, a header line that ends after `group default`
 * keeps the space that follows every field.
 */
import type { NetInterface, NetNamespace } from './network-model.ts';

function nameWithPeer(i: NetInterface): string {
  if (!i.peer) return i.name;
  return `${i.name}@${i.peer.name ?? `if${i.peer.index}`}`;
}

/** The first line of an interface in `ip link` (`mode` true) or `ip addr`. */
export function formatLinkHeader(i: NetInterface, mode: boolean): string {
  const master = i.master !== null ? `master ${i.master} ` : '';
  const modePart = mode ? 'mode DEFAULT ' : '';
  const qlen = i.qlen !== null ? `qlen ${i.qlen}` : '';
  return (
    `${i.index}: ${nameWithPeer(i)}: <${i.flags.join(',')}> mtu ${i.mtu} qdisc ${i.qdisc} ` +
    `${master}state ${i.state} ${modePart}group default ${qlen}`
  );
}

/** The `link/…` line. */
export function formatLinkLayer(i: NetInterface): string {
  if (i.kind === 'loopback') return `    link/loopback ${i.mac} brd 00:00:00:00:00:00`;
  const netns = i.peer?.netnsId != null ? ` link-netnsid ${i.peer.netnsId}` : '';
  return `    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff${netns}`;
}

/**
 * `ip link` in a namespace.
 *
 * @example
 * formatIpLink(network.nodes[2].host);
 * // '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n    link/loopback …'
 */
export function formatIpLink(ns: NetNamespace): string {
  return ns.interfaces.map((i) => `${formatLinkHeader(i, true)}\n${formatLinkLayer(i)}\n`).join('');
}

/**
 * `ip -4 addr` in a namespace: interfaces with an IPv4 address, each address with its lifetimes.
 *
 * @example
 * formatIpAddr(podNs);
 * // '1: lo: …\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n10: eth0@if11: …'
 */
export function formatIpAddr(ns: NetNamespace): string {
  let out = '';
  for (const i of ns.interfaces) {
    if (i.addresses.length === 0) continue;
    out += `${formatLinkHeader(i, false)}\n`;
    for (const a of i.addresses) {
      const brd = a.broadcast !== null ? ` brd ${a.broadcast}` : '';
      out += `    inet ${a.address}/${a.prefix}${brd} scope ${a.scope} ${a.dev}\n`;
      out += '       valid_lft forever preferred_lft forever\n';
    }
  }
  return out;
}
