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

/**
 * Counters the fast evaluator created and has not yet entered into `counters` (it keeps each on
 * the compiled rule, see fast.ts): entering them is deferred until someone reads `counters`, so
 * a burst of first packets through cold rules does no Map work per rule.
 */
export interface PendingCounters {
  /** The compiled rules' counter slots, in creation order. */
  readonly slots: PendingSlot[];
  /** The counter each slot had when it was created (a slot may since serve another state). */
  readonly counters: RuleCounter[];
}

/** What a pending counter needs of a compiled rule's counter slot. */
export interface PendingSlot {
  readonly counterKey: string;
  counterState: EvalState | null;
  counter: RuleCounter | null;
}

const PENDING = Symbol('pending counters');

/** The pending counters of a state made by createEvalState (undefined for other objects). */
export function pendingCounters(state: EvalState): PendingCounters | undefined {
  return (state as { [PENDING]?: PendingCounters })[PENDING];
}

/** Enters pending counters into the map; a key already there (the linear evaluator) is merged. */
function flush(state: EvalState, map: Map<string, RuleCounter>, pending: PendingCounters): void {
  const { slots, counters } = pending;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as PendingSlot;
    const c = counters[i] as RuleCounter;
    const known = map.get(slot.counterKey);
    if (known === undefined) map.set(slot.counterKey, c);
    else if (known !== c) {
      known.packets += c.packets;
      known.bytes += c.bytes;
      if (slot.counterState === state && slot.counter === c) slot.counter = known;
    }
  }
  slots.length = 0;
  counters.length = 0;
}

export function createEvalState(): EvalState {
  const counters = new Map<string, RuleCounter>();
  const pending: PendingCounters = { slots: [], counters: [] };
  const state: EvalState = {
    get counters() {
      if (pending.slots.length > 0) flush(state, counters, pending);
      return counters;
    },
    recent: new Map(),
    nth: new Map(),
  };
  Object.defineProperty(state, PENDING, { value: pending, enumerable: false });
  return state;
}

/** A deep copy: evaluating against the copy leaves `state` as it was. */
export function cloneEvalState(state: EvalState): EvalState {
  const copy = createEvalState();
  for (const [k, c] of state.counters) copy.counters.set(k, { packets: c.packets, bytes: c.bytes });
  for (const [k, list] of state.recent) copy.recent.set(k, cloneRecentList(list));
  for (const [k, n] of state.nth) copy.nth.set(k, n);
  return copy;
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
