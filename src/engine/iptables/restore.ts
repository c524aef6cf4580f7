/**
 * iptables-restore: applies a restore document (`*table`, `:CHAIN POLICY [p:b]`, command lines,
 * `COMMIT`) to a ruleset, all or nothing. With `noflush` (kube-proxy's mode) tables are not cleared
 * first, and a `:CHAIN` line flushes an existing user chain or creates it.
 */
import type { IpFamily } from '../net/ip.ts';
import { chainNameProblem, runCommand } from './command.ts';
import type { Command } from './command-parse.ts';
import { parseCommand } from './command-parse.ts';
import type { Draft, DraftTable } from './draft.ts';
import {
  countJumps,
  createChain,
  editChain,
  finishDraft,
  removeChain,
  startDraft,
} from './draft.ts';
import { parseRuleFast } from './parse-rule-fast.ts';
import type { Result } from './result.ts';
import { err, ok } from './result.ts';
import type { Counters } from './rule.ts';
import type { Ruleset, TableName } from './ruleset.ts';
import { isBuiltinChain, isTableName } from './ruleset.ts';
import { splitRuleLine } from './words.ts';

export interface RestoreOptions {
  /** `--noflush`: keep what the tables hold (kube-proxy always passes it). */
  readonly noflush?: boolean;
  /** `--counters`: take `[packets:bytes]` from the input instead of zero. */
  readonly counters?: boolean;
  /** Must match the ruleset's family when given (iptables-restore vs ip6tables-restore). */
  readonly family?: IpFamily;
}

export interface RestoreError {
  /** 1-based input line that failed (one past the end for a missing COMMIT). */
  readonly line: number;
  /** What iptables-restore prints first, e.g. `iptables-restore: line 5 failed`. */
  readonly summary: string;
  /** The reason in iptables' words (the message of the failing command or parser). */
  readonly reason: string;
}

const COUNTERS = /^\[([0-9]+):([0-9]+)\]$/;

function parseCounters(text: string | undefined): Counters | null {
  const m = text === undefined ? null : COUNTERS.exec(text);
  return m ? { packets: Number(m[1]), bytes: Number(m[2]) } : null;
}

/** Where the line starting at `start` ends (its newline, or the end of the text). */
function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end;
}

function failed(line: number, reason: string): RestoreError {
  return { line, summary: `iptables-restore: line ${line} failed`, reason };
}

/** Empties a table the way iptables-restore without --noflush does: flush all, drop user chains. */
function clearTable(table: DraftTable): void {
  for (const [name, chain] of [...table.chains]) {
    if (chain.policy === null) removeChain(table, name);
    else editChain(table, name).rules = [];
  }
  table.refs = null;
}

/**
 * The words of a `:NAME POLICY [p:b]` line: blanks separate them (split on ASCII spaces when the
 * line has no other blank or non-ASCII character, which is every line kube-proxy writes).
 */
export function declarationWords(line: string): string[] {
  const words: string[] = [];
  let start = -1; // where the current word began, -1 between words
  for (let i = 1; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : 0x20;
    if (c === 0x20) {
      if (start >= 0) words.push(line.slice(start, i));
      start = -1;
    } else if (c < 0x20 || c > 0x7e) {
      return line.slice(1).trim().split(/\s+/);
    } else if (start < 0) {
      start = i;
    }
  }
  return words.length > 0 ? words : [''];
}

/** A `:NAME POLICY [p:b]` line. */
function declareChain(
  draft: Draft,
  tableName: TableName,
  words: readonly string[],
  options: RestoreOptions,
): string | null {
  const table = draft.tables[tableName];
  const [name, policy, counterText] = words;
  if (!name) return 'chain name invalid';
  if (!policy) return 'policy invalid';
  const builtin = isBuiltinChain(tableName, name);
  if (!builtin) {
    const problem = chainNameProblem(name);
    if (problem) return problem;
    const existing = table.chains.get(name);
    if (existing && !options.noflush) return `error creating chain '${name}':File exists`;
    if (existing) {
      const chain = editChain(table, name);
      countJumps(table, chain.rules, -1);
      chain.rules = [];
    } else createChain(table, name);
  }
  if (policy === '-') return null;
  if (!builtin) return `Can't set policy \`${policy}' on \`${name}': Bad built-in chain name`;
  if (policy !== 'ACCEPT' && policy !== 'DROP') {
    return `Can't set policy \`${policy}' on \`${name}': Bad policy name`;
  }
  const counters = parseCounters(counterText);
  if (counterText !== undefined && !counters) return `invalid policy counters for chain '${name}'`;
  const chain = editChain(table, name);
  chain.policy = policy;
  if (options.counters && counters) chain.counters = counters;
  return null;
}

/**
 * An `-A CHAIN spec` line in the plain form most restore input uses (parse-rule-fast.ts), or
 * null for parseCommand to read. `counters` is what a `[p:b]` prefix gave: none on this path.
 */
function appendCommand(
  words: readonly string[],
  family: IpFamily,
  counters: Counters | null,
): Command | null {
  const chain = words[1];
  if (words[0] !== '-A' || counters || chain === undefined || chain.startsWith('-')) return null;
  const rule = parseRuleFast(words, 2, family);
  return rule && { op: 'append', chain, rule, counters: null };
}

/** Applies an iptables-restore document; nothing changes unless every line succeeds. */
export function applyRestore(
  ruleset: Ruleset,
  text: string,
  options: RestoreOptions = {},
): Result<Ruleset, RestoreError> {
  const family = options.family ?? ruleset.family;
  if (family !== ruleset.family) {
    return err(failed(1, `IPv${family} input for an IPv${ruleset.family} ruleset`));
  }
  const draft = startDraft(ruleset);
  let table: TableName | null = null;
  let n = 0;
  // Line by line rather than text.split('\n'): a list of every line would keep them all alive.
  for (let start = 0; start <= text.length;) {
    const end = lineEnd(text, start);
    const line = text.slice(start, end).trimEnd();
    start = end + 1;
    n++;
    if (line === '' || line.startsWith('#')) continue;
    if (line === 'COMMIT') {
      if (!table) return err(failed(n, 'COMMIT outside a table'));
      table = null;
      continue;
    }
    if (line.startsWith('*')) {
      if (table)
        return err(failed(n, `COMMIT expected before a new table (table ${table} is open)`));
      const name = line.slice(1).trim();
      if (!isTableName(name)) return err(failed(n, `can't initialize iptables table \`${name}'`));
      table = name;
      draft.tables[name].present = true;
      if (!options.noflush) clearTable(draft.tables[name]);
      continue;
    }
    if (!table)
      return err(failed(n, 'rule or chain line outside a table (no *table line before it)'));
    if (line.startsWith(':')) {
      const problem = declareChain(draft, table, declarationWords(line), options);
      if (problem) return err(failed(n, problem));
      continue;
    }
    let words = splitRuleLine(line);
    let counters: Counters | null = null;
    if (words[0]?.startsWith('[')) {
      counters = parseCounters(words[0]);
      if (!counters) return err(failed(n, `bad counters \`${words[0]}'`));
      words = words.slice(1);
    }
    // (Both spellings contain "-t": most lines do not, and need no look at their words.)
    if (line.includes('-t') && (words.includes('-t') || words.includes('--table'))) {
      return err(
        failed(n, `The -t option (seen in line ${n}) cannot be used in iptables-restore.`),
      );
    }
    let command = appendCommand(words, family, counters);
    if (!command) {
      const parsed = parseCommand(words, family);
      if (!parsed.ok) return err(failed(n, parsed.error.message));
      command = parsed.value.command;
      if ('counters' in command) {
        const given = options.counters ? (command.counters ?? counters) : null;
        command = { ...command, counters: given };
      }
    }
    const problem = runCommand(draft, table, command);
    if (problem) return err(failed(n, problem));
  }
  if (table) {
    const line = text === '' || text.endsWith('\n') ? n : n + 1;
    return err({
      line,
      summary: `iptables-restore: COMMIT expected at line ${line}`,
      reason: 'COMMIT expected',
    });
  }
  return ok(finishDraft(draft));
}
