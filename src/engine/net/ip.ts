/**
 * IPv4 and IPv6 addresses and CIDRs: parsing ("sloppy", as kube-proxy reads them), canonical
 * printing, containment. IPv4 values are unsigned 32-bit numbers, IPv6 values are bigints.
 */

export type IpFamily = 4 | 6;

/** A parsed address. `value` is a uint32 for IPv4 and a 128-bit bigint for IPv6. */
export type Ip =
  { readonly family: 4; readonly value: number } | { readonly family: 6; readonly value: bigint };

/** A parsed CIDR; `ip` is the network address (host bits cleared). */
export interface Cidr {
  readonly ip: Ip;
  readonly prefix: number;
}

/**
 * Parses a dotted-quad IPv4 address: four dot-separated parts of 1–3 decimal digits, each at most
 * 255. Leading zeros are read as decimal, like Go's ParseIPSloppy that kube-proxy uses
 * (kube-proxy-iptables.md §1.2: `172.30.0.041` → `172.30.0.41`). One pass over the characters:
 * rules and endpoints reach it once per address.
 */
export function parseIpv4(text: string): Ip | null {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39 && digits < 3) {
      part = part * 10 + (c - 0x30);
      digits++;
    } else if (c === 0x2e && digits > 0 && part <= 255 && dots < 3) {
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else {
      return null;
    }
  }
  if (dots !== 3 || digits === 0 || part > 255) return null;
  return { family: 4, value: value * 256 + part };
}

/** Parses an IPv6 address (with `::`, and an embedded IPv4 tail). */
export function parseIpv6(text: string): Ip | null {
  if (text.length === 0 || text.length > 45) return null;
  let head = text;
  let v4tail: Ip | null = null;
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.indexOf('.', lastColon) > 0) {
    v4tail = parseIpv4(text.slice(lastColon + 1));
    if (!v4tail) return null;
    head = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const parseGroups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const left = parseGroups(halves[0] ?? '');
  const right = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!left || !right) return null;
  let groups: number[];
  if (halves.length === 2) {
    const missing = 8 - left.length - right.length;
    if (missing < 1) return null;
    groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  } else {
    groups = left;
  }
  if (groups.length !== 8) return null;
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  if (v4tail && v4tail.family === 4) value = (value & ~0xffffffffn) | BigInt(v4tail.value);
  return { family: 6, value };
}

/** Parses an IPv4 or IPv6 address; null when it is neither. */
export function parseIp(text: string): Ip | null {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

/** Prints an address canonically (dotted quad; RFC 5952 compressed IPv6). */
export function formatIp(ip: Ip): string {
  if (ip.family === 4) {
    const v = ip.value;
    return `${(v >>> 24) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((ip.value >> BigInt(i * 16)) & 0xffffn));
  // IPv4-mapped addresses print with a dotted tail, as Go and iptables do.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${formatIp({ family: 4, value: Number(ip.value & 0xffffffffn) })}`;
  }
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (g: number) => g.toString(16);
  if (bestStart < 0) return groups.map(hex).join(':');
  const left = groups.slice(0, bestStart).map(hex).join(':');
  const right = groups
    .slice(bestStart + bestLen)
    .map(hex)
    .join(':');
  return `${left}::${right}`;
}

/** Canonical text of an address given as text, or null when it does not parse. */
export function canonicalIp(text: string): string | null {
  const ip = parseIp(text);
  return ip ? formatIp(ip) : null;
}

function familyBits(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

/** Clears the host bits of `ip` below `prefix`. */
export function maskIp(ip: Ip, prefix: number): Ip {
  if (prefix === familyBits(ip.family)) return ip; // a host mask changes nothing
  if (ip.family === 4) {
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    return { family: 4, value: (ip.value & mask) >>> 0 };
  }
  const hostBits = BigInt(128 - prefix);
  const mask = ((1n << 128n) - 1n) ^ ((1n << hostBits) - 1n);
  return { family: 6, value: ip.value & mask };
}

/** Parses `addr/prefix`; the address is masked to the network (`10.0.0.1/8` → `10.0.0.0/8`). */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!ip || !/^[0-9]{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > familyBits(ip.family)) return null;
  return { ip: maskIp(ip, prefix), prefix };
}

/** Prints `network/prefix`. */
export function formatCidr(cidr: Cidr): string {
  return `${formatIp(cidr.ip)}/${cidr.prefix}`;
}

/** Whether `ip` lies in `cidr` (false across families). */
export function cidrContains(cidr: Cidr, ip: Ip): boolean {
  if (cidr.ip.family !== ip.family) return false;
  return maskIp(ip, cidr.prefix).value === cidr.ip.value;
}

/** The single-address CIDR of `ip` (/32 or /128). */
export function hostCidr(ip: Ip): Cidr {
  return { ip, prefix: familyBits(ip.family) };
}

/** The address `offset` places after `ip` (wraps within the family). */
export function addToIp(ip: Ip, offset: number): Ip {
  if (ip.family === 4) return { family: 4, value: (ip.value + offset) >>> 0 };
  return { family: 6, value: (ip.value + BigInt(offset)) & ((1n << 128n) - 1n) };
}

/** Number of addresses in a CIDR (as a number; IPv6 sizes above 2^53 are clamped). */
export function cidrSize(cidr: Cidr): number {
  const bits = familyBits(cidr.ip.family) - cidr.prefix;
  return bits >= 53 ? Number.MAX_SAFE_INTEGER : 2 ** bits;
}

/** Last address of a CIDR (the broadcast address for IPv4). */
export function cidrLast(cidr: Cidr): Ip {
  const bits = familyBits(cidr.ip.family) - cidr.prefix;
  if (cidr.ip.family === 4) {
    return { family: 4, value: (cidr.ip.value + (2 ** bits - 1)) >>> 0 };
  }
  return { family: 6, value: cidr.ip.value + ((1n << BigInt(bits)) - 1n) };
}

/** Compares two addresses of the same family numerically. */
export function compareIp(a: Ip, b: Ip): number {
  if (a.family !== b.family) return a.family - b.family;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

export function ipEquals(a: Ip, b: Ip): boolean {
  return a.family === b.family && a.value === b.value;
}

/** `ip:port`, or `[ip]:port` for IPv6 (kube-proxy's endpoint string, §1.3). */
export function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}
