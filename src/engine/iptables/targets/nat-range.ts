/**
 * NAT address/port ranges of DNAT (`--to-destination`) and SNAT (`--to-source`):
 * `[addr[-addr]][:port[-port[/base]]]`, IPv6 addresses in brackets when a port follows.
 */
import type { Ip, IpFamily } from '../../net/ip.ts';
import { formatIp, ipEquals } from '../../net/ip.ts';
import { parseFamilyIp } from '../addresses.ts';
import { parseUint } from '../numbers.ts';

export interface NatRange {
  /** Address range; absent when only ports are mapped. */
  readonly addrs?: readonly [Ip, Ip];
  /** Port range; absent when only addresses are mapped. */
  readonly ports?: readonly [number, number];
  /** Base port of a shifted port map (`/base`). */
  readonly base?: number;
}

function parsePorts(text: string): Pick<NatRange, 'ports' | 'base'> | string {
  if (isDigits(text)) {
    // A single port (every DNAT kube-proxy writes): what the expression below gives, sooner.
    const port = parseUint(text, 0, 65535);
    return port === null ? `Port \`${text}' not valid` : { ports: [port, port] };
  }
  const m = /^([^-/]+)(?:-([^/]+)(?:\/(.+))?)?$/.exec(text);
  const lo = m ? parseUint(m[1] ?? '', 0, 65535) : null;
  const hi = m?.[2] === undefined ? lo : parseUint(m[2], 0, 65535);
  if (!m || lo === null || hi === null) return `Port \`${text}' not valid`;
  if (hi < lo) return `Port range \`${text}' funky`;
  if (m[3] === undefined) return { ports: [lo, hi] };
  const base = parseUint(m[3], 1, 65535);
  if (base === null) return `Port \`${m[3]}' not valid`;
  return { ports: [lo, hi], base };
}

function isDigits(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Parses a NAT range; `portsAllowed` is false unless `-p` is tcp/udp/sctp/dccp(/icmp). */
export function parseNatRange(
  text: string,
  family: IpFamily,
  portsAllowed: boolean,
): NatRange | string {
  let addrText = text;
  let portText: string | undefined;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0 || family === 4) return 'Invalid address format';
    addrText = text.slice(1, close);
    const rest = text.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return 'Invalid address format';
    if (rest !== '') portText = rest.slice(1);
  } else {
    const colon = text.indexOf(':');
    // One colon is a port (IPv4 or a port-only range); more colons are an IPv6 address.
    if (colon >= 0 && text.indexOf(':', colon + 1) < 0) {
      addrText = text.slice(0, colon);
      portText = text.slice(colon + 1);
    }
  }
  let ports: Pick<NatRange, 'ports' | 'base'> = {};
  if (portText !== undefined) {
    if (!portsAllowed) return 'Need TCP, UDP, SCTP or DCCP with port specification';
    const p = parsePorts(portText);
    if (typeof p === 'string') return p;
    ports = p;
  }
  if (addrText === '') {
    return portText === undefined ? `Bad IP address "${addrText}"` : ports;
  }
  const [fromText, toText] = addrText.includes('-') ? addrText.split('-', 2) : [addrText];
  const from = parseFamilyIp(fromText ?? '', family);
  if (!from) return `Bad IP address "${fromText}"`;
  const to = toText === undefined ? from : parseFamilyIp(toText, family);
  if (!to) return `Bad IP address "${toText}"`;
  return { addrs: [from, to], ...ports };
}

/** As iptables-save prints it (`10.180.0.1:80`, `[fd00::1]:80`, `10.0.0.1-10.0.0.9`, `:8080`). */
export function formatNatRange(r: NatRange): string {
  const parts: string[] = []; // joined once: one flat string for the rule to keep
  if (r.addrs) {
    const [from, to] = r.addrs;
    const addrs = ipEquals(from, to) ? formatIp(from) : `${formatIp(from)}-${formatIp(to)}`;
    parts.push(from.family === 6 && r.ports ? `[${addrs}]` : addrs);
  }
  if (r.ports) {
    const [lo, hi] = r.ports;
    parts.push(`:${lo}${hi === lo ? '' : `-${hi}`}${r.base === undefined ? '' : `/${r.base}`}`);
  }
  return parts.join('');
}
