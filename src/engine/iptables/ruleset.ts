/**
 * The kernel's iptables state for one address family: tables, their chains and rules with
 * counters. Plain readonly data; the operations in command.ts / restore.ts return new rulesets.
 */
import type { IpFamily } from '../net/ip.ts';
import type { Counters, Rule } from './rule.ts';
import { ZERO_COUNTERS } from './rule.ts';

export type TableName = 'raw' | 'mangle' | 'filter' | 'nat';

/** Built-in chain policies. */
export type Policy = 'ACCEPT' | 'DROP';

export const TABLE_NAMES: readonly TableName[] = ['raw', 'mangle', 'filter', 'nat'];

/** Built-in chains of each table, in the kernel's (hook) order, which is also the print order. */
export const BUILTIN_CHAINS: Readonly<Record<TableName, readonly string[]>> = {
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

/** The order iptables-nft-save prints tables in (filter before nat, as in the fixtures). */
export const SAVE_TABLE_ORDER: readonly TableName[] = ['mangle', 'raw', 'filter', 'nat'];

/** A rule in a chain, with its counters. */
export interface RuleEntry {
  /** The rule. */
  readonly rule: Rule;
  /** Packets/bytes that matched it. */
  readonly counters: Counters;
}

export interface Chain {
  /** Chain name (`INPUT`, `KUBE-SERVICES`). */
  readonly name: string;
  /** Policy of a built-in chain; null for user chains. */
  readonly policy: Policy | null;
  /** Policy counters of a built-in chain (always zero for user chains). */
  readonly counters: Counters;
  /** Rules in order. */
  readonly rules: readonly RuleEntry[];
}

export interface Table {
  /** Table name. */
  readonly name: TableName;
  /** The table exists in the kernel (was used), so iptables-save prints it. */
  readonly present: boolean;
  /** Built-in and user chains by name (built-ins always present). */
  readonly chains: ReadonlyMap<string, Chain>;
}

export interface Ruleset {
  /** iptables (4) or ip6tables (6). */
  readonly family: IpFamily;
  /** Every table, present or not. */
  readonly tables: Readonly<Record<TableName, Table>>;
}

function emptyTable(name: TableName): Table {
  const chains = new Map<string, Chain>();
  for (const chain of BUILTIN_CHAINS[name]) {
    chains.set(chain, { name: chain, policy: 'ACCEPT', counters: ZERO_COUNTERS, rules: [] });
  }
  return { name, present: false, chains };
}

/** A fresh network namespace: no table used yet, built-in chains empty with policy ACCEPT. */
export function emptyRuleset(family: IpFamily = 4): Ruleset {
  return {
    family,
    tables: {
      raw: emptyTable('raw'),
      mangle: emptyTable('mangle'),
      filter: emptyTable('filter'),
      nat: emptyTable('nat'),
    },
  };
}

export function isTableName(name: string): name is TableName {
  return (TABLE_NAMES as readonly string[]).includes(name);
}

export function isBuiltinChain(table: TableName, chain: string): boolean {
  return BUILTIN_CHAINS[table].includes(chain);
}

/** strcmp order, which is how iptables sorts user chains. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Chains in print order: built-ins in kernel order, then user chains sorted by name. */
export function chainsInOrder(table: Table): Chain[] {
  const builtins = BUILTIN_CHAINS[table.name].map((n) => table.chains.get(n) as Chain);
  const users = [...table.chains.values()]
    .filter((c) => c.policy === null)
    .sort((a, b) => compareNames(a.name, b.name));
  return [...builtins, ...users];
}
