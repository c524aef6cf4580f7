/** Addresses and masks as iptables reads them in rules (numeric only: no host names). */
import type { Cidr, Ip, IpFamily } from '../net/ip.ts';
import { formatIp, maskIp, parseIpv4, parseIpv6 } from '../net/ip.ts';

/**
 * Whether `text` from `from` to `to` is a dotted quad as formatIp prints it (no leading zeros), so
 * that parsing and printing it gives it back unchanged.
 */
export function isPlainIpv4(text: string, from = 0, to = text.length): boolean {
  let dots = 0;
  let digits = 0;
  let part = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x2e) {
      if (digits === 0 || ++dots > 3) return false;
      digits = part = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      if (digits > 0 && part === 0) return false; // a leading zero
      part = part * 10 + (c - 0x30);
      if (++digits > 3 || part > 255) return false;
    } else return false;
  }
  return dots === 3 && digits > 0;
}

/** Parses a numeric address of the given family (IPv4 octets are read as decimal, like xtables). */
export function parseFamilyIp(text: string, family: IpFamily): Ip | null {
  return family === 4 ? parseIpv4(text) : parseIpv6(text);
}

function familyBits(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

/** The prefix length of a contiguous netmask, or null for a non-contiguous one. */
function maskToPrefix(mask: Ip): number | null {
  const bits = familyBits(mask.family);
  const value = BigInt(mask.value);
  for (let prefix = 0; prefix <= bits; prefix++) {
    const full = ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
    if (full === value) return prefix;
  }
  return null;
}

/** Parses `/N` or a dotted (IPv4) / colon (IPv6) mask into a prefix length; null if invalid. */
function parseMaskText(text: string, family: IpFamily): number | null {
  if (/^[0-9]+$/.test(text)) {
    const n = Number(text);
    return n <= familyBits(family) ? n : null;
  }
  const mask = parseFamilyIp(text, family);
  return mask ? maskToPrefix(mask) : null;
}

/**
 * Parses `-s`/`-d` style `addr[/mask]`; the address is masked to the network like iptables does,
 * a bare address is a host (/32, /128). Returns an error message on failure.
 */
export function parseRuleCidr(text: string, family: IpFamily): Cidr | string {
  const slash = text.indexOf('/');
  const addrText = slash < 0 ? text : text.slice(0, slash);
  const ip = parseFamilyIp(addrText, family);
  if (!ip) return `host/network \`${addrText}' not found`;
  const prefix = slash < 0 ? familyBits(family) : parseMaskText(text.slice(slash + 1), family);
  if (prefix === null) return `invalid mask \`${text.slice(slash + 1)}' specified`;
  return { ip: maskIp(ip, prefix), prefix };
}

/** `addr/len` as iptables-save prints `-s`/`-d` (always with the length). */
export function formatRuleCidr(cidr: Cidr): string {
  return `${formatIp(cidr.ip)}/${cidr.prefix}`;
}

/** An address with an unmasked address part, as conntrack's `--ctorigsrc addr[/mask]` keeps it. */
export interface HostMask {
  /** The address as given (not masked). */
  readonly ip: Ip;
  /** Mask length. */
  readonly prefix: number;
}

export function parseHostMask(text: string, family: IpFamily): HostMask | string {
  const slash = text.indexOf('/');
  const addrText = slash < 0 ? text : text.slice(0, slash);
  const ip = parseFamilyIp(addrText, family);
  if (!ip) return `host/network \`${addrText}' not found`;
  const prefix = slash < 0 ? familyBits(family) : parseMaskText(text.slice(slash + 1), family);
  if (prefix === null) return `invalid mask \`${text.slice(slash + 1)}' specified`;
  return { ip, prefix };
}

/** `addr` for a full mask, else `addr/len` (xtables_ipmask_to_numeric drops "/32"). */
export function formatHostMask(value: HostMask): string {
  const full = value.prefix === familyBits(value.ip.family);
  return full ? formatIp(value.ip) : `${formatIp(value.ip)}/${value.prefix}`;
}
