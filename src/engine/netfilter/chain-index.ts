/**
 * An index over a long chain so a packet tries only the rules that could match it. A rule with an
 * exact destination (`-d ip/32`, not negated) and/or an exact destination port (`-p tcp|udp|sctp`
 * plus `--dport n` of that protocol's match, not negated, and only pure matches before it) is
 * filed under those keys; every other rule is "always a candidate". A packet's candidates are the
 * union of its lists, in rule order. Skipping a rule is safe because it could not match, and
 * trying it would have had no side effect before it failed (header first, then pure matches).
 * Lists of one rule are stored as the bare index; when every keyed rule has both keys (kube-proxy's
 * KUBE-SERVICES) each key holds its complete, merged candidate list, so a packet costs one probe.
 */
import type { Rule } from '../iptables/rule.ts';
import type { IpFamily } from '../net/ip.ts';
import { isPureMatch } from './module-compile.ts';
import type { Packet } from './packet.ts';

/** A rule index, or ascending rule indices. */
type Slot = number | number[];

/** How a rule is filed: which of its checks a lookup under its key already guarantees. */
export interface RuleKey {
  /** Filed under its exact destination: `-d` holds for every packet it is offered to. */
  readonly dst: boolean;
  /** Filed under its exact port: `-p` holds, and so does the port match if it tests only `--dport`. */
  readonly port: boolean;
  /** Index of that port match in the rule's matches, when it can be left out (else -1). */
  readonly portMatch: number;
}

const UNKEYED: RuleKey = { dst: false, port: false, portMatch: -1 };

export interface ChainIndex {
  /** How each rule is filed. */
  readonly keys: readonly RuleKey[];
  /** Rules with exact destination and port, by `dstPortKey`. */
  readonly byDstPort: Map<number | string, Slot>;
  /** Rules with an exact destination only, by address value. */
  readonly byDst: Map<number | bigint, Slot>;
  /** Rules with an exact port only, by `portKey`. */
  readonly byPort: Map<number, Slot>;
  /** Rules without such keys: candidates for every packet. */
  readonly always: readonly number[];
  /**
   * True when every keyed rule has both keys (kube-proxy's KUBE-SERVICES): `byDstPort` then
   * holds each key's complete candidate list, already merged with `always`.
   */
  readonly merged: boolean;
}

/** Protocols whose port matches can be indexed, numbered 0–2 for the keys. */
const PORT_PROTOCOLS: Readonly<Record<number, { readonly module: string; readonly code: number }>> =
  {
    6: { module: 'tcp', code: 0 },
    17: { module: 'udp', code: 1 },
    132: { module: 'sctp', code: 2 },
  };

/** code · 65536 + port (< 2¹⁸), or -1 for a protocol without indexable ports. */
function portKey(proto: number, port: number): number {
  const p = PORT_PROTOCOLS[proto];
  return p ? p.code * 65536 + port : -1;
}

/** One key for (destination, port): a number below 2⁵⁰ for IPv4, a string for IPv6. */
function dstPortKey(dst: number | bigint, port: number): number | string {
  return typeof dst === 'number' ? dst * 262144 + port : `${dst}/${port}`;
}

function exactDst(rule: Rule, family: IpFamily): number | bigint | null {
  const d = rule.dst;
  if (!d || d.negated || d.cidr.prefix !== (family === 4 ? 32 : 128)) return null;
  return d.cidr.ip.value;
}

/** The rule's port key and the index of the match giving it (-1 if that match tests more). */
function exactPort(rule: Rule): { readonly key: number; readonly match: number } | null {
  const p = rule.proto;
  const proto = p && !p.negated ? PORT_PROTOCOLS[p.number] : undefined;
  if (!p || !proto) return null;
  for (let m = 0; m < rule.matches.length; m++) {
    const call = rule.matches[m] as Rule['matches'][number];
    if (call.name === proto.module) {
      const o = call.options.find((x) => x.name === 'dport');
      const text = o?.values[0] ?? '';
      if (!o || o.negated || !/^[0-9]+$/.test(text)) return null;
      return { key: portKey(p.number, Number(text)), match: call.options.length === 1 ? m : -1 };
    }
    if (!isPureMatch(call)) return null;
  }
  return null;
}

function add<K>(map: Map<K, Slot>, key: K, index: number): void {
  const slot = map.get(key);
  if (slot === undefined) map.set(key, index);
  else if (typeof slot === 'number') map.set(key, [slot, index]);
  else slot.push(index);
}

/** The index of a chain, or null when it is short or mostly unkeyed. */
export function buildChainIndex(
  rules: readonly Rule[],
  family: IpFamily,
  threshold: number,
): ChainIndex | null {
  if (rules.length < threshold) return null;
  const byDstPort = new Map<number | string, Slot>();
  const byDst = new Map<number | bigint, Slot>();
  const byPort = new Map<number, Slot>();
  const always: number[] = [];
  const keys: RuleKey[] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as Rule;
    const dst = exactDst(rule, family);
    const port = exactPort(rule);
    if (dst !== null && port !== null) add(byDstPort, dstPortKey(dst, port.key), i);
    else if (dst !== null) add(byDst, dst, i);
    else if (port !== null) add(byPort, port.key, i);
    else always.push(i);
    keys.push(
      dst === null && port === null
        ? UNKEYED
        : { dst: dst !== null, port: port !== null, portMatch: port?.match ?? -1 },
    );
  }
  if (always.length * 2 > rules.length) return null;
  const merged = byDst.size === 0 && byPort.size === 0;
  if (merged) {
    for (const [key, slot] of byDstPort) byDstPort.set(key, merge([asList(slot), always]));
  }
  return { keys, byDstPort, byDst, byPort, always, merged };
}

const EMPTY: readonly number[] = [];

function asList(slot: Slot | undefined): readonly number[] {
  return slot === undefined ? EMPTY : typeof slot === 'number' ? [slot] : slot;
}

/** Merges ascending lists (at most four, each short) into one ascending list. */
function merge(lists: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  const heads = [0, 0, 0, 0];
  for (;;) {
    let best = -1;
    let value = Infinity;
    for (let l = 0; l < lists.length; l++) {
      const v = (lists[l] as readonly number[])[heads[l] as number];
      if (v !== undefined && v < value) {
        value = v;
        best = l;
      }
    }
    if (best < 0) return out;
    out.push(value);
    heads[best] = (heads[best] as number) + 1;
  }
}

/**
 * The indices of the rules a packet could match, ascending. A non-first fragment fails every
 * port match, so port-keyed rules are not offered to it.
 */
export function candidatesFor(index: ChainIndex, p: Packet): readonly number[] {
  const dst = p.dst.value;
  const port = p.fragment === true ? -1 : portKey(p.proto, p.dport);
  const a = port < 0 ? undefined : index.byDstPort.get(dstPortKey(dst, port));
  const always = index.always;
  if (index.merged) return a === undefined ? always : (a as readonly number[]);
  const b = index.byDst.size === 0 ? undefined : index.byDst.get(dst);
  const c = port < 0 || index.byPort.size === 0 ? undefined : index.byPort.get(port);
  if (b === undefined && c === undefined) {
    if (a === undefined) return always;
    if (always.length === 0) return asList(a);
  }
  const lists: (readonly number[])[] = [];
  for (const slot of [a, b, c]) if (slot !== undefined) lists.push(asList(slot));
  if (always.length > 0) lists.push(always);
  return lists.length === 1 ? (lists[0] as readonly number[]) : merge(lists);
}
