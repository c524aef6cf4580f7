/**
 * What a rule may look at besides the packet: the interfaces the packet came in on / goes out of,
 * bridge ports, the node's addresses, ipsets, the packet's conntrack state, and the injected
 * randomness and clock (the engine never reads real time or Math.random).
 */
import type { Cidr, Ip } from '../net/ip.ts';
import { parseCidr, parseIp } from '../net/ip.ts';
import type { ConntrackEntry } from './conntrack-entry.ts';

/** One address configured on one interface of the node (`ip addr` line). */
export interface InterfaceAddress {
  /** Interface name (`eth0`, `lo`, `weave`). */
  readonly iface: string;
  /** The address itself. */
  readonly ip: Ip;
  /** Its prefix length (the subnet gives the broadcast address). */
  readonly prefix: number;
}

/** Bridge ports of a packet that crossed a bridge with br_netfilter on. */
export interface PhysdevInfo {
  /** Bridge port it entered on (`vethwe-bridge`), or null (locally generated). */
  readonly in: string | null;
  /** Bridge port it leaves by, or null when it is routed, not bridged (`--physdev-is-bridged` fails). */
  readonly out: string | null;
}

/** `--ctstate` values of a packet (SNAT/DNAT are derived from the entry's status bits). */
export type CtState = 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID' | 'UNTRACKED';

/** Direction of the packet within its connection. */
export type CtDir = 'ORIGINAL' | 'REPLY';

/** The packet's conntrack attachment (what `-m conntrack` and `-m state` read). */
export interface CtInfo {
  /** State of this packet. */
  readonly state: CtState;
  /** Direction of this packet. */
  readonly dir: CtDir;
  /** The entry (unconfirmed for a NEW packet), or null for INVALID/UNTRACKED packets. */
  readonly entry: ConntrackEntry | null;
}

export interface EvalContext {
  /** Input interface (`-i`), null on OUTPUT. */
  readonly inIface: string | null;
  /** Output interface (`-o`), null on PREROUTING/INPUT. */
  readonly outIface: string | null;
  /** Bridge ports (br_netfilter), null when the packet did not cross a bridge. */
  readonly physdev: PhysdevInfo | null;
  /** The node's addresses (addrtype LOCAL/BROADCAST, the MASQUERADE source). */
  readonly addresses: readonly InterfaceAddress[];
  /** ipset contents by set name (hash:ip / hash:net as CIDR lists). */
  readonly ipsets: ReadonlyMap<string, readonly Cidr[]>;
  /** The packet's conntrack state. */
  readonly ct: CtInfo;
  /** Seeded randomness in [0, 1): statistic draws, random NAT ports. */
  readonly rng: () => number;
  /** The simulated clock in milliseconds (recent lists, conntrack expiry). */
  readonly nowMs: number;
  /** Next hop of the outgoing route, if known (MASQUERADE prefers an address in its subnet). */
  readonly nextHop?: Ip;
}

/** A packet with no conntrack entry yet (what the raw table sees) or an invalid one. */
export const NO_CT: CtInfo = { state: 'INVALID', dir: 'ORIGINAL', entry: null };

/** Context fields given as text, for tests and scenario glue. */
export interface ContextSpec {
  /** Input interface. */
  readonly inIface?: string | null;
  /** Output interface. */
  readonly outIface?: string | null;
  /** Bridge ports. */
  readonly physdev?: PhysdevInfo | null;
  /** `iface addr/prefix` strings, e.g. `eth0 192.168.56.11/24`, `lo 127.0.0.1/8`. */
  readonly addresses?: readonly string[];
  /** Set name → CIDRs or addresses (`10.32.0.0/12`, `10.44.0.2`). */
  readonly ipsets?: Readonly<Record<string, readonly string[]>>;
  /** Conntrack state; default NEW with no entry details (as for a first packet). */
  readonly ct?: CtInfo;
  /** Randomness; default always 0 (every random rule taken). */
  readonly rng?: () => number;
  /** Clock; default 0. */
  readonly nowMs?: number;
  /** Next hop. */
  readonly nextHop?: string;
}

function cidrOf(text: string): Cidr {
  const cidr = text.includes('/') ? parseCidr(text) : null;
  if (cidr) return cidr;
  const ip = parseIp(text);
  if (!ip) throw new Error(`makeContext: bad address "${text}"`);
  return { ip, prefix: ip.family === 4 ? 32 : 128 };
}

/** Parses `iface addr/prefix`. */
export function parseInterfaceAddress(text: string): InterfaceAddress {
  const [iface, cidrText, extra] = text.trim().split(/\s+/);
  const slash = (cidrText ?? '').indexOf('/');
  const ip = parseIp(slash < 0 ? (cidrText ?? '') : (cidrText ?? '').slice(0, slash));
  const prefix = ip && slash >= 0 ? Number((cidrText ?? '').slice(slash + 1)) : NaN;
  const bits = ip?.family === 6 ? 128 : 32;
  if (!iface || !ip || extra !== undefined || !(prefix >= 0 && prefix <= bits)) {
    throw new Error(`makeContext: expected "iface addr/prefix", got "${text}"`);
  }
  return { iface, ip, prefix };
}

const NEW_CT: CtInfo = { state: 'NEW', dir: 'ORIGINAL', entry: null };

/** Builds a context from text; throws on unreadable addresses (a caller's bug). */
export function makeContext(spec: ContextSpec = {}): EvalContext {
  const ipsets = new Map<string, readonly Cidr[]>();
  for (const [name, list] of Object.entries(spec.ipsets ?? {})) ipsets.set(name, list.map(cidrOf));
  const nextHop = spec.nextHop === undefined ? null : parseIp(spec.nextHop);
  return {
    inIface: spec.inIface ?? null,
    outIface: spec.outIface ?? null,
    physdev: spec.physdev ?? null,
    addresses: (spec.addresses ?? []).map(parseInterfaceAddress),
    ipsets,
    ct: spec.ct ?? NEW_CT,
    rng: spec.rng ?? (() => 0),
    nowMs: spec.nowMs ?? 0,
    ...(nextHop ? { nextHop } : {}),
  };
}
