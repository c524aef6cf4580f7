/**
 * The kernel-side memory an evaluation reads and updates: per-rule packet/byte counters, the
 * `recent` lists and the `statistic --mode nth` counters. Kept apart from the Ruleset, which stays
 * immutable. Evaluations update it in place, as the kernel does; `cloneEvalState` keeps a copy.
 */
import type { TableName } from '../iptables/ruleset.ts';
import type { RecentList } from './recent-table.ts';
import { cloneRecentList } from './recent-table.ts';

/** Packets and bytes that matched a rule (or fell to a policy). */
export interface RuleCounter {
  /** Packets counted. */
  packets: number;
  /** Bytes counted. */
  bytes: number;
}

export interface EvalState {
  /** Counters by `table/chain/ruleNumber` (1-based) or `table/chain/policy`. */
  readonly counters: Map<string, RuleCounter>;
  /** `recent` lists by `--name`. */
  readonly recent: Map<string, RecentList>;
  /** nth counters by `table/chain/ruleNumber/matchIndex`. */
  readonly nth: Map<string, number>;
}

export function createEvalState(): EvalState {
  return { counters: new Map(), recent: new Map(), nth: new Map() };
}

/** A deep copy: evaluating against the copy leaves `state` as it was. */
export function cloneEvalState(state: EvalState): EvalState {
  const counters = new Map<string, RuleCounter>();
  for (const [k, c] of state.counters) counters.set(k, { packets: c.packets, bytes: c.bytes });
  const recent = new Map<string, RecentList>();
  for (const [k, list] of state.recent) recent.set(k, cloneRecentList(list));
  return { counters, recent, nth: new Map(state.nth) };
}

/** The counter key of rule `ruleNumber` (1-based) of a chain. */
export function ruleCounterKey(table: TableName, chain: string, ruleNumber: number): string {
  return `${table}/${chain}/${ruleNumber}`;
}

/** The counter key of a built-in chain's policy. */
export function policyCounterKey(table: TableName, chain: string): string {
  return `${table}/${chain}/policy`;
}

/** Adds one packet of `bytes` to the counter under `key`. */
export function countPacket(state: EvalState, key: string, bytes: number): void {
  const c = state.counters.get(key);
  if (c) {
    c.packets += 1;
    c.bytes += bytes;
  } else {
    state.counters.set(key, { packets: 1, bytes });
  }
}

/** The counter of a rule or policy (zero when it never matched). */
export function counterOf(
  state: EvalState,
  table: TableName,
  chain: string,
  ruleNumber: number | 'policy',
): RuleCounter {
  const key =
    ruleNumber === 'policy'
      ? policyCounterKey(table, chain)
      : ruleCounterKey(table, chain, ruleNumber);
  const c = state.counters.get(key);
  return c ? { packets: c.packets, bytes: c.bytes } : { packets: 0, bytes: 0 };
}
