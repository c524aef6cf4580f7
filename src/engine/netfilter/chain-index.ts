/**
 * An index over a long chain so a packet tries only the rules that could match it. A rule with an
 * exact destination (`-d ip/32`, not negated) and/or an exact destination port (`-p tcp|udp|sctp`
 * plus `--dport n` of that protocol's match, not negated, and only pure matches before it) is
 * filed under those keys; every other rule is "always a candidate". A packet's candidates are the
 * union of its lists, in rule order. Skipping a rule is safe because it could not match, and
 * trying it would have had no side effect before it failed (header first, then pure matches).
 * `planChainIndex` says how each rule is filed (compiling leaves out the checks a key guarantees),
 * `buildChainIndex` files them. Candidate lists are runs of one array of rules. When every
 * keyed rule has both keys (kube-proxy's KUBE-SERVICES) each key holds its complete, merged
 * candidate list, so a packet costs one probe of a typed-array hash table (dst-port-table.ts)
 * and one read of its list, and allocates nothing.
 */
import type { Rule } from '../iptables/rule.ts';
import type { IpFamily } from '../net/ip.ts';
import { DstPortTable } from './dst-port-table.ts';
import { isPureMatch } from './module-compile.ts';
import type { Packet } from './packet.ts';

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

/** How the rules of a long chain are filed (made before they are compiled). */
export interface ChainIndexPlan {
  /** How each rule is filed. */
  readonly keys: readonly RuleKey[];
  /** Exact destination of each rule (null: none). */
  readonly dsts: readonly (number | bigint | null)[];
  /** Port key of each rule (-1: none). */
  readonly ports: readonly number[];
}

export interface ChainIndex<R> {
  /** Every candidate list, rules in chain order, back to back. */
  readonly pool: readonly R[];
  /** Lists of rules with exact destination and port. */
  readonly byDstPort: DstPortTable;
  /** Rules with an exact destination only, by address value: [start, end) in the pool. */
  readonly byDst: Map<number | bigint, readonly [number, number]>;
  /** Rules with an exact port only, by `portKey`. */
  readonly byPort: Map<number, readonly [number, number]>;
  /** Rules without such keys (candidates for every packet): [start, end) in the pool. */
  readonly alwaysStart: number;
  readonly alwaysEnd: number;
  /**
   * True when every keyed rule has both keys (kube-proxy's KUBE-SERVICES): `byDstPort` then
   * holds each key's complete candidate list, already merged with the rules always tried.
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
  if (proto === 6) return port;
  if (proto === 17) return 65536 + port;
  if (proto === 132) return 131072 + port;
  return -1;
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

/** How the rules of a chain would be filed, or null when it is short or mostly unkeyed. */
export function planChainIndex(
  rules: readonly Rule[],
  family: IpFamily,
  threshold: number,
): ChainIndexPlan | null {
  if (rules.length < threshold) return null;
  const keys: RuleKey[] = [];
  const dsts: (number | bigint | null)[] = [];
  const ports: number[] = [];
  let always = 0;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as Rule;
    const dst = exactDst(rule, family);
    const port = exactPort(rule);
    if (dst === null && port === null) always++;
    dsts.push(dst);
    ports.push(port?.key ?? -1);
    keys.push(
      dst === null && port === null
        ? UNKEYED
        : { dst: dst !== null, port: port !== null, portMatch: port?.match ?? -1 },
    );
  }
  if (always * 2 > rules.length) return null;
  return { keys, dsts, ports };
}

function add<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [i]);
  else list.push(i);
}

/** The index of a planned chain over its compiled rules (`rules[i]` is rule i). */
export function buildChainIndex<R>(plan: ChainIndexPlan, rules: readonly R[]): ChainIndex<R> {
  const length = rules.length;
  const dstPort = new Map<number | bigint, Map<number, number[]>>();
  const dsts = new Map<number | bigint, number[]>();
  const ports = new Map<number, number[]>();
  const always: number[] = [];
  for (let i = 0; i < length; i++) {
    const dst = plan.dsts[i] as number | bigint | null;
    const port = plan.ports[i] as number;
    if (dst !== null && port >= 0) {
      let byPortOfDst = dstPort.get(dst);
      if (!byPortOfDst) dstPort.set(dst, (byPortOfDst = new Map()));
      add(byPortOfDst, port, i);
    } else if (dst !== null) add(dsts, dst, i);
    else if (port >= 0) add(ports, port, i);
    else always.push(i);
  }
  const merged = dsts.size === 0 && ports.size === 0;
  const pool: number[] = [...always];
  const place = (list: readonly number[]): readonly [number, number] => {
    const start = pool.length;
    for (const i of list) pool.push(i);
    return [start, pool.length];
  };
  let count = 0;
  for (const m of dstPort.values()) count += m.size;
  const byDstPort = new DstPortTable(count);
  for (const [dst, m] of dstPort) {
    for (const [port, list] of m) {
      const [start, end] = place(merged ? merge([list, always]) : list);
      byDstPort.add(dst, port, start, end);
    }
  }
  const byDst = new Map<number | bigint, readonly [number, number]>();
  for (const [dst, list] of dsts) byDst.set(dst, place(list));
  const byPort = new Map<number, readonly [number, number]>();
  for (const [port, list] of ports) byPort.set(port, place(list));
  return {
    pool: pool.map((i) => rules[i] as R),
    byDstPort,
    byDst,
    byPort,
    alwaysStart: 0,
    alwaysEnd: always.length,
    merged,
  };
}

/** Merges ascending lists (each short) into one ascending list. */
function merge(lists: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  const heads = lists.map(() => 0);
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

/** What the walker needs of a rule in a candidate list: its position in the chain. */
export interface Positioned {
  /** 0-based index in its chain. */
  readonly index: number;
}

/** Merges lists of rules, each in chain order, into one list in chain order. */
function mergeRules<R extends Positioned>(lists: readonly (readonly R[])[]): R[] {
  const out: R[] = [];
  const heads = lists.map(() => 0);
  for (;;) {
    let best = -1;
    let value = Infinity;
    for (let l = 0; l < lists.length; l++) {
      const r = (lists[l] as readonly R[])[heads[l] as number];
      if (r !== undefined && r.index < value) {
        value = r.index;
        best = l;
      }
    }
    if (best < 0) return out;
    out.push((lists[best] as readonly R[])[heads[best] as number] as R);
    heads[best] = (heads[best] as number) + 1;
  }
}

/** Where `candidatesFor` leaves the packet's candidates: [start, end) of `pool`. */
export const candidates: { pool: readonly unknown[]; start: number; end: number } = {
  pool: [],
  start: 0,
  end: 0,
};

/**
 * Sets `candidates` to the indices of the rules a packet could match, ascending. A non-first
 * fragment fails every port match, so port-keyed rules are not offered to it.
 */
export function candidatesFor<R extends Positioned>(index: ChainIndex<R>, p: Packet): void {
  const dst = p.dst.value;
  const port = p.fragment === true ? -1 : portKey(p.proto, p.dport);
  const table = index.byDstPort;
  const a = port >= 0 && table.find(dst, port);
  if (index.merged || (index.byDst.size === 0 && index.byPort.size === 0 && !a)) {
    candidates.pool = index.pool;
    candidates.start = a ? table.start : index.alwaysStart;
    candidates.end = a ? table.end : index.alwaysEnd;
    return;
  }
  const lists: (readonly R[])[] = [];
  const pool = index.pool;
  const slice = (start: number, end: number) => pool.slice(start, end);
  if (a) lists.push(slice(table.start, table.end));
  const b = index.byDst.size === 0 ? undefined : index.byDst.get(dst);
  if (b) lists.push(slice(b[0], b[1]));
  const c = port < 0 || index.byPort.size === 0 ? undefined : index.byPort.get(port);
  if (c) lists.push(slice(c[0], c[1]));
  if (index.alwaysEnd > index.alwaysStart) lists.push(slice(index.alwaysStart, index.alwaysEnd));
  const list = mergeRules(lists);
  candidates.pool = list;
  candidates.start = 0;
  candidates.end = list.length;
}
