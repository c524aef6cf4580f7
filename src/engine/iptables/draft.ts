/**
 * A private, mutable working copy of a ruleset used while one command or one restore runs. Chains
 * are copied on first write and jump references are counted lazily, so a restore of thousands of
 * lines stays linear.
 */
import type { Chain, Policy, RuleEntry, Ruleset, Table, TableName } from './ruleset.ts';
import { TABLE_NAMES } from './ruleset.ts';
import type { Counters } from './rule.ts';
import { ZERO_COUNTERS } from './rule.ts';

/** A chain this draft owns and may change in place (same shape as Chain). */
export interface DraftChain {
  /** Chain name. */
  name: string;
  /** Built-in policy, null for user chains. */
  policy: Policy | null;
  /** Policy counters. */
  counters: Counters;
  /** Rules, mutable. */
  rules: RuleEntry[];
}

export interface DraftTable {
  /** Table name. */
  readonly name: TableName;
  /** The table has been used. */
  present: boolean;
  /** All chains; those in `owned` are DraftChains. */
  readonly chains: Map<string, Chain>;
  /**
   * Chains already copied (or created) by this draft, which may change them in place. A set of
   * the chain objects, so telling whether a chain is owned needs no second lookup by name.
   */
  readonly owned: Set<Chain>;
  /** Jumps/gotos into each chain, or null until first needed. */
  refs: Map<string, number> | null;
  /** The chain ownChain returned last: restore input appends to one chain many times in a row. */
  recent: DraftChain | null;
}

export interface Draft {
  /** The ruleset the draft started from (left untouched). */
  readonly ruleset: Ruleset;
  /** Working copies of its tables. */
  readonly tables: Record<TableName, DraftTable>;
}

export function startDraft(ruleset: Ruleset): Draft {
  const tables = {} as Record<TableName, DraftTable>;
  for (const name of TABLE_NAMES) {
    const t = ruleset.tables[name];
    tables[name] = {
      name,
      present: t.present,
      chains: new Map(t.chains),
      owned: new Set(),
      refs: null,
      recent: null,
    };
  }
  return { ruleset, tables };
}

export function finishDraft(draft: Draft): Ruleset {
  const tables = {} as Record<TableName, Table>;
  for (const name of TABLE_NAMES) {
    const t = draft.tables[name];
    tables[name] = { name, present: t.present, chains: t.chains };
  }
  return { family: draft.ruleset.family, tables };
}

/** The chain, writable (copied on first write). The caller checks it exists. */
export function editChain(table: DraftTable, name: string): DraftChain {
  return writable(table, name, table.chains.get(name) as Chain);
}

/** `chain` (the table's chain `name`) if this draft owns it, else its copy, now owned. */
function writable(table: DraftTable, name: string, chain: Chain): DraftChain {
  if (table.owned.has(chain)) return chain as DraftChain;
  const copy: DraftChain = { ...chain, rules: [...chain.rules] };
  table.chains.set(name, copy);
  table.owned.add(copy);
  return copy;
}

/** The chain, writable (copied on first write), or undefined when the table has no such chain. */
export function ownChain(table: DraftTable, name: string): DraftChain | undefined {
  if (table.recent?.name === name) return table.recent;
  const found = table.chains.get(name);
  const chain = found && writable(table, name, found);
  table.recent = chain ?? null;
  return chain;
}

export function createChain(table: DraftTable, name: string): void {
  const own = detach(name);
  const chain: DraftChain = { name: own, policy: null, counters: ZERO_COUNTERS, rules: [] };
  table.chains.set(own, chain);
  table.owned.add(chain);
}

/**
 * A copy of `text` that stands alone. Words of a restore line are slices of the whole input: kept
 * as chain names they would hold all of it in memory, and they compare slower when sorting.
 */
function detach(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

export function removeChain(table: DraftTable, name: string): void {
  if (table.recent?.name === name) table.recent = null;
  const chain = table.chains.get(name);
  if (chain) table.owned.delete(chain);
  table.chains.delete(name);
  table.refs?.delete(name);
}

function jumpOf(entry: RuleEntry): string | null {
  const t = entry.rule.target;
  return t && t.kind === 'chain' ? t.name : null;
}

/** Number of rules in the table that jump or go to `name`. */
export function referenceCount(table: DraftTable, name: string): number {
  if (!table.refs) {
    table.refs = new Map();
    for (const chain of table.chains.values()) countJumps(table, chain.rules, 1);
  }
  return table.refs.get(name) ?? 0;
}

/** Keeps the reference counts right when rules are added (+1) or removed (-1). */
export function countJumps(table: DraftTable, entries: readonly RuleEntry[], delta: 1 | -1): void {
  const refs = table.refs;
  if (!refs) return;
  for (const entry of entries) {
    const to = jumpOf(entry);
    if (to !== null) refs.set(to, (refs.get(to) ?? 0) + delta);
  }
}
