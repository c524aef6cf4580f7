/**
 * IP protocol names for `-p` and `--ctproto`. Reading accepts iptables' built-in names and the
 * /etc/protocols names of Debian's netbase; printing prefers the built-in list, then /etc/protocols,
 * then the number (what iptables 1.8.9 on Debian prints).
 */

/** xtables_chain_protos, in iptables' order (first name of a number wins when printing). */
const BUILTIN: readonly (readonly [string, number])[] = [
  ['tcp', 6],
  ['sctp', 132],
  ['udp', 17],
  ['udplite', 136],
  ['icmp', 1],
  ['ipv6-icmp', 58],
  ['icmpv6', 58],
  ['esp', 50],
  ['ah', 51],
  ['mh', 135],
  ['ipv6-mh', 135],
  ['all', 0],
];

/** Debian netbase /etc/protocols (name, number), for names iptables looks up with getprotobyname. */
const ETC_PROTOCOLS: readonly (readonly [string, number])[] = [
  ['ip', 0],
  ['hopopt', 0],
  ['igmp', 2],
  ['ggp', 3],
  ['ipencap', 4],
  ['st', 5],
  ['egp', 8],
  ['igp', 9],
  ['pup', 12],
  ['hmp', 20],
  ['xns-idp', 22],
  ['rdp', 27],
  ['iso-tp4', 29],
  ['dccp', 33],
  ['xtp', 36],
  ['ddp', 37],
  ['idpr-cmtp', 38],
  ['ipv6', 41],
  ['ipv6-route', 43],
  ['ipv6-frag', 44],
  ['idrp', 45],
  ['rsvp', 46],
  ['gre', 47],
  ['skip', 57],
  ['ipv6-nonxt', 59],
  ['ipv6-opts', 60],
  ['rspf', 73],
  ['vmtp', 81],
  ['eigrp', 88],
  ['ospf', 89],
  ['ax.25', 93],
  ['ipip', 94],
  ['etherip', 97],
  ['encap', 98],
  ['pim', 103],
  ['ipcomp', 108],
  ['vrrp', 112],
  ['l2tp', 115],
  ['isis', 124],
  ['fc', 133],
  ['mobility-header', 135],
  ['mpls-in-ip', 137],
  ['manet', 138],
  ['hip', 139],
  ['shim6', 140],
  ['wesp', 141],
  ['rohc', 142],
  ['ethernet', 143],
];

const BY_NAME = new Map<string, number>([...ETC_PROTOCOLS, ...BUILTIN]);

/** Protocol number of a `-p` argument (case-insensitive name or 0-255), or null. */
export function parseProtocol(text: string): number | null {
  const lower = text.toLowerCase();
  if (/^[0-9]+$/.test(lower)) {
    const n = Number(lower);
    return n <= 255 ? n : null;
  }
  return BY_NAME.get(lower) ?? null;
}

function lookUpName(protocol: number): string {
  const builtin = BUILTIN.find(([, n]) => n === protocol);
  if (builtin) return builtin[0];
  const etc = ETC_PROTOCOLS.find(([, n]) => n === protocol);
  return etc ? etc[0] : String(protocol);
}

/** The printed name of every protocol number, worked out once. */
const NAMES: readonly string[] = Array.from({ length: 256 }, (_, n) => lookUpName(n));

/** The name iptables-save prints for a protocol number (the number itself if it has no name). */
export function protocolName(protocol: number): string {
  return NAMES[protocol] ?? lookUpName(protocol);
}

export const PROTO_TCP = 6;
export const PROTO_UDP = 17;
export const PROTO_SCTP = 132;
export const PROTO_ICMP = 1;
export const PROTO_DCCP = 33;
export const PROTO_UDPLITE = 136;
