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
 * A counter the fast evaluator keeps on a compiled rule (or chain policy) while a state's counts
 * are pending there: a burst of first packets through cold rules then allocates no counter
 * objects and does no Map work; the counts enter `counters` when someone reads it.
 */
export interface PendingCounter {
  /** Key in EvalState.counters. */
  readonly counterKey: string;
  /** The state whose counts `pendingPackets` and `pendingBytes` are, or null. */
  pendingState: EvalState | null;
  /** Packets counted for that state since its last flush. */
  pendingPackets: number;
  /** Bytes counted likewise. */
  pendingBytes: number;
}

/** The counts of a state made by createEvalState that are not yet in its map. */
export interface PendingCounts {
  /** Counters that held this state's counts (some may since have moved on to another state). */
  readonly counters: PendingCounter[];
  /**
   * Counts moved off a counter when another state claimed it: the counter, its packets and its
   * bytes, three entries each (one array: a burst with a new state moves many).
   */
  readonly spilled: (PendingCounter | number)[];
}

const PENDING = Symbol('pending counts');

/**
 * The pending counts of a state made by createEvalState (undefined for other states: the fast
 * evaluator updates their `counters` map directly).
 */
export function pendingCounts(state: EvalState): PendingCounts | undefined {
  return (state as { [PENDING]?: PendingCounts })[PENDING];
}

/**
 * Counts one packet for `state` on `c`. Counts another state left there are set aside in that
 * state's pending counts (a rule counted by two states in turn, e.g. a new state per burst).
 */
export function countPending(
  state: EvalState,
  pending: PendingCounts,
  c: PendingCounter,
  bytes: number,
): void {
  const owner = c.pendingState;
  if (owner === state) {
    c.pendingPackets += 1;
    c.pendingBytes += bytes;
    return;
  }
  if (owner !== null) {
    (pendingCounts(owner) as PendingCounts).spilled.push(c, c.pendingPackets, c.pendingBytes);
  }
  c.pendingState = state;
  c.pendingPackets = 1;
  c.pendingBytes = bytes;
  pending.counters.push(c);
}

function add(map: Map<string, RuleCounter>, key: string, packets: number, bytes: number): void {
  const known = map.get(key);
  if (known === undefined) map.set(key, { packets, bytes });
  else {
    known.packets += packets;
    known.bytes += bytes;
  }
}

/** Enters a state's pending counts into its map (a key already there is summed). */
function flush(state: EvalState, map: Map<string, RuleCounter>, pending: PendingCounts): void {
  const { counters, spilled } = pending;
  for (let i = 0; i < spilled.length; i += 3) {
    const c = spilled[i] as PendingCounter;
    add(map, c.counterKey, spilled[i + 1] as number, spilled[i + 2] as number);
  }
  spilled.length = 0;
  for (let i = 0; i < counters.length; i++) {
    const c = counters[i] as PendingCounter;
    if (c.pendingState !== state) continue;
    add(map, c.counterKey, c.pendingPackets, c.pendingBytes);
    c.pendingState = null;
    c.pendingPackets = 0;
    c.pendingBytes = 0;
  }
  counters.length = 0;
}

export function createEvalState(): EvalState {
  const counters = new Map<string, RuleCounter>();
  const pending: PendingCounts = { counters: [], spilled: [] };
  const state: EvalState = {
    get counters() {
      if (pending.counters.length > 0 || pending.spilled.length > 0)
        flush(state, counters, pending);
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
