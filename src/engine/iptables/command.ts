/**
 * Runs iptables commands against a ruleset: `applyCommand` for one command line, `runCommand` for
 * restore.ts. Errors use iptables' (libiptc) wording.
 */
import type { IpFamily } from '../net/ip.ts';
import type { Command } from './command-parse.ts';
import { parseCommand } from './command-parse.ts';
import type { Draft, DraftChain, DraftTable } from './draft.ts';
import {
  countJumps,
  createChain,
  editChain,
  finishDraft,
  ownChain,
  referenceCount,
  removeChain,
  startDraft,
} from './draft.ts';
import { formatRuleSave } from './format-rule.ts';
import { NAT_ONLY_TARGETS, TARGETS, UNSUPPORTED_TARGETS, VERDICTS } from './registry.ts';
import type { Result, WordError } from './result.ts';
import { err, ok } from './result.ts';
import type { Rule } from './rule.ts';
import { ZERO_COUNTERS } from './rule.ts';
import type { RuleEntry, Ruleset, TableName } from './ruleset.ts';
import { isBuiltinChain } from './ruleset.ts';

const NO_CHAIN = 'iptables: No chain/target/match by that name.';
const BAD_RULE = 'iptables: Bad rule (does a matching rule exist in that chain?).';

/** Why a chain name is refused by `-N` / `:NAME`, or null if it is fine. */
export function chainNameProblem(name: string): string | null {
  if (name.length >= 29) return `chain name \`${name}' too long (must be under 29 chars)`;
  if (name.startsWith('-') || name.startsWith('!')) {
    return `chain name not allowed to start with \`${name[0]}'`;
  }
  if (VERDICTS.has(name) || TARGETS.has(name) || UNSUPPORTED_TARGETS.has(name)) {
    return 'chain name may not clash with target name';
  }
  if (name === '' || /\s/.test(name)) return `Invalid chain name \`${name}'`;
  return null;
}

/** Checks that the rule can live in this table: jump targets exist, NAT targets only in nat. */
function ruleProblem(table: DraftTable, rule: Rule, family: IpFamily): string | null {
  const t = rule.target;
  if (!t) return null;
  if (t.kind === 'chain') {
    if (isBuiltinChain(table.name, t.name)) return `cannot jump to built-in chain \`${t.name}'`;
    if (!table.chains.has(t.name))
      return `Couldn't load target \`${t.name}':No such file or directory`;
  }
  if (NAT_ONLY_TARGETS.has(t.name) && table.name !== 'nat') {
    const ipt = family === 4 ? 'ip_tables' : 'ip6_tables';
    return `x_tables: ${ipt}: ${t.name} target: only valid in nat table, not ${table.name}`;
  }
  return null;
}

function sameRule(a: Rule, b: Rule): boolean {
  return formatRuleSave('', a) === formatRuleSave('', b);
}

function chainsFor(table: DraftTable, chain: string | null): string[] | string {
  if (chain === null) return [...table.chains.keys()];
  return table.chains.has(chain) ? [chain] : NO_CHAIN;
}

/**
 * Appends a rule. The first few rules make an exact-size list: a list grown by push reserves
 * room for 16 more, and most chains kube-proxy writes hold one or two rules (KUBE-SEP), tens of
 * thousands of them in a large cluster.
 */
function append(chain: DraftChain, entry: RuleEntry): void {
  const rules = chain.rules;
  if (rules.length === 0) chain.rules = [entry];
  else if (rules.length === 1) chain.rules = [rules[0]!, entry];
  else rules.push(entry);
}

/** Applies one command to a draft; returns iptables' error message, or null on success. */
export function runCommand(draft: Draft, tableName: TableName, cmd: Command): string | null {
  const table = draft.tables[tableName];
  const family = draft.ruleset.family;
  table.present = true;
  switch (cmd.op) {
    case 'append':
    case 'insert':
    case 'replace': {
      const chain = ownChain(table, cmd.chain); // a failed command discards the whole draft
      if (!chain) return NO_CHAIN;
      const problem = ruleProblem(table, cmd.rule, family);
      if (problem) return problem;
      const entry = { rule: cmd.rule, counters: cmd.counters ?? ZERO_COUNTERS };
      const rules = chain.rules;
      if (cmd.op === 'insert' && cmd.position > rules.length + 1)
        return 'iptables: Index of insertion too big.';
      if (cmd.op === 'replace' && cmd.position > rules.length)
        return 'iptables: Index of replacement too big.';
      if (cmd.op === 'append') append(chain, entry);
      else if (cmd.op === 'insert') rules.splice(cmd.position - 1, 0, entry);
      else countJumps(table, rules.splice(cmd.position - 1, 1, entry), -1);
      if (table.refs) countJumps(table, [entry], 1);
      return null;
    }
    case 'check': {
      const existing = table.chains.get(cmd.chain);
      if (!existing) return NO_CHAIN;
      return existing.rules.some((e) => sameRule(e.rule, cmd.rule)) ? null : BAD_RULE;
    }
    case 'delete': {
      const existing = table.chains.get(cmd.chain);
      if (!existing) return NO_CHAIN;
      const wanted = cmd.rule;
      const index = wanted
        ? existing.rules.findIndex((e) => sameRule(e.rule, wanted))
        : (cmd.position ?? 0) - 1;
      if (!wanted && index >= existing.rules.length) return 'iptables: Index of deletion too big.';
      if (index < 0) return BAD_RULE;
      countJumps(table, editChain(table, cmd.chain).rules.splice(index, 1), -1);
      return null;
    }
    case 'flush':
    case 'zero': {
      const names = chainsFor(table, cmd.chain);
      if (typeof names === 'string') return names;
      for (const name of names) {
        const chain = editChain(table, name);
        if (cmd.op === 'flush') {
          countJumps(table, chain.rules, -1);
          chain.rules = [];
        } else {
          chain.counters = ZERO_COUNTERS;
          chain.rules = chain.rules.map((e) => ({ ...e, counters: ZERO_COUNTERS }));
        }
      }
      return null;
    }
    case 'new-chain': {
      const problem = chainNameProblem(cmd.chain);
      if (problem) return problem;
      if (table.chains.has(cmd.chain)) return 'iptables: Chain already exists.';
      createChain(table, cmd.chain);
      return null;
    }
    case 'delete-chain':
      return deleteChains(table, cmd.chain);
    case 'rename':
      return renameChain(table, cmd.chain, cmd.newName);
    case 'policy': {
      if (!isBuiltinChain(tableName, cmd.chain)) return 'iptables: Bad built-in chain name.';
      editChain(table, cmd.chain).policy = cmd.policy;
      return null;
    }
  }
}

/** `-X [CHAIN]`: like libiptc, a chain must be unreferenced first, then empty. */
function deleteChains(table: DraftTable, only: string | null): string | null {
  if (only !== null) {
    const chain = table.chains.get(only);
    if (!chain) return NO_CHAIN;
    if (chain.policy !== null) return "iptables: Can't delete built-in chain.";
  }
  const names = only !== null ? [only] : userChains(table);
  for (const name of names) {
    if (referenceCount(table, name) > 0)
      return "iptables: Can't delete chain with references left.";
    if ((table.chains.get(name)?.rules.length ?? 0) > 0) return 'iptables: Chain is not empty.';
    removeChain(table, name);
  }
  return null;
}

function userChains(table: DraftTable): string[] {
  return [...table.chains.values()].filter((c) => c.policy === null).map((c) => c.name);
}

/** `-E OLD NEW`: jumps to the chain follow it, as they do in the kernel. */
function renameChain(table: DraftTable, from: string, to: string): string | null {
  const chain = table.chains.get(from);
  if (!chain || chain.policy !== null) return NO_CHAIN;
  if (table.chains.has(to)) return 'iptables: File exists.';
  const problem = chainNameProblem(to);
  if (problem) return problem;
  const rules = chain.rules;
  removeChain(table, from);
  createChain(table, to);
  editChain(table, to).rules = [...rules];
  for (const [name, c] of table.chains) {
    if (!c.rules.some((e) => e.rule.target?.kind === 'chain' && e.rule.target.name === from))
      continue;
    const edited = editChain(table, name);
    edited.rules = edited.rules.map((e) =>
      e.rule.target?.kind === 'chain' && e.rule.target.name === from
        ? { ...e, rule: { ...e.rule, target: { ...e.rule.target, name: to } } }
        : e,
    );
  }
  table.refs = null;
  return null;
}

/** An error from applyCommand: the word it concerns (or -1 for the command as a whole) and why. */
export type CommandError = WordError;

/**
 * Runs one iptables command (`['-I', 'INPUT', '1', '-j', 'KUBE-FIREWALL']`) in `table` (a leading
 * `-t TABLE` in the words overrides it) and returns the new ruleset.
 */
export function applyCommand(
  ruleset: Ruleset,
  table: TableName,
  words: readonly string[],
): Result<Ruleset, CommandError> {
  const parsed = parseCommand(words, ruleset.family);
  if (!parsed.ok) return parsed;
  const draft = startDraft(ruleset);
  const problem = runCommand(draft, parsed.value.table ?? table, parsed.value.command);
  if (problem) return err({ index: -1, message: problem });
  return ok(finishDraft(draft));
}
