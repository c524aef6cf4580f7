/** Reads one iptables command line (`-A CHAIN spec`, `-I CHAIN 1 spec`, `-N CHAIN`, …). */
import type { IpFamily } from '../net/ip.ts';
import { parseUint } from './numbers.ts';
import { parseRuleSpec } from './parse-rule.ts';
import type { Result, WordError } from './result.ts';
import { ok, wordError } from './result.ts';
import type { Counters, Rule } from './rule.ts';
import type { Policy, TableName } from './ruleset.ts';
import { isTableName } from './ruleset.ts';

/** One iptables command, parsed. */
export type Command =
  | RuleCommand<'append'>
  | RuleCommand<'check'>
  | (RuleCommand<'insert'> & { readonly position: number })
  | (RuleCommand<'replace'> & { readonly position: number })
  | {
      readonly op: 'delete';
      readonly chain: string;
      /** `-D CHAIN N`: 1-based rule number; null when the rule is given instead. */
      readonly position: number | null;
      /** `-D CHAIN spec`: the rule to remove (the first equal one). */
      readonly rule: Rule | null;
    }
  | { readonly op: 'flush' | 'zero' | 'delete-chain'; readonly chain: string | null }
  | { readonly op: 'new-chain'; readonly chain: string }
  | { readonly op: 'rename'; readonly chain: string; readonly newName: string }
  | { readonly op: 'policy'; readonly chain: string; readonly policy: Policy };

/** A command that carries a rule. */
export interface RuleCommand<O extends string> {
  /** Which command. */
  readonly op: O;
  /** The chain it works on. */
  readonly chain: string;
  /** The rule. */
  readonly rule: Rule;
  /** `-c PACKETS BYTES` (or a restore line's `[p:b]`), if given. */
  readonly counters: Counters | null;
}

type Op = Command['op'];

const COMMANDS: ReadonlyMap<string, Op> = new Map<string, Op>([
  ['-A', 'append'],
  ['--append', 'append'],
  ['-C', 'check'],
  ['--check', 'check'],
  ['-I', 'insert'],
  ['--insert', 'insert'],
  ['-R', 'replace'],
  ['--replace', 'replace'],
  ['-D', 'delete'],
  ['--delete', 'delete'],
  ['-F', 'flush'],
  ['--flush', 'flush'],
  ['-Z', 'zero'],
  ['--zero', 'zero'],
  ['-X', 'delete-chain'],
  ['--delete-chain', 'delete-chain'],
  ['-N', 'new-chain'],
  ['--new-chain', 'new-chain'],
  ['-E', 'rename'],
  ['--rename-chain', 'rename'],
  ['-P', 'policy'],
  ['--policy', 'policy'],
]);

/** A parsed command and the table named by a leading `-t TABLE`, if any. */
export interface ParsedCommand {
  /** The command. */
  readonly command: Command;
  /** `-t`/`--table` given before the command. */
  readonly table: TableName | null;
}

/** Commands whose chain is optional (all chains when left out). */
const ANY_CHAIN: ReadonlySet<Op> = new Set<Op>(['flush', 'zero', 'delete-chain']);

function isNumber(word: string | undefined): boolean {
  return word !== undefined && /^[0-9]+$/.test(word);
}

/** `Bad argument` for the first word past the `n` the command takes, if any. */
function extra(rest: readonly string[], base: number, n: number) {
  return rest.length > n ? wordError(base + n, `Bad argument \`${rest[n]}'`) : null;
}

/** The rule specification from `rest[from]` on, error indices relative to the command words. */
function spec(rest: readonly string[], base: number, from: number, family: IpFamily) {
  const parsed = parseRuleSpec(from === 0 ? rest : rest.slice(from), family);
  return parsed.ok ? parsed : wordError(base + from + parsed.error.index, parsed.error.message);
}

/** A 1-based rule number. */
function position(word: string | undefined): number | null {
  return parseUint(word ?? '', 1, 0x7fffffff);
}

/** Parses command words; a `-t TABLE` may only come before the command. */
export function parseCommand(
  words: readonly string[],
  family: IpFamily,
): Result<ParsedCommand, WordError> {
  let i = 0;
  let table: TableName | null = null;
  while (words[i] === '-t' || words[i] === '--table') {
    const name = words[i + 1] ?? '';
    if (!isTableName(name))
      return wordError(
        i + 1,
        `can't initialize iptables table \`${name}': Table does not exist (do you need to insmod?)`,
      );
    table = name;
    i += 2;
  }
  const op = COMMANDS.get(words[i] ?? '');
  if (!op) {
    return wordError(
      i,
      words[i] === undefined ? 'no command specified' : `unknown command "${words[i]}"`,
    );
  }
  const chain = words[i + 1];
  const base = i + 2;
  const needChain = !ANY_CHAIN.has(op);
  if (chain === undefined || chain.startsWith('-')) {
    if (needChain) return wordError(i, `option "${words[i]}" requires an argument`);
    if (chain !== undefined) return wordError(i + 1, `Bad argument \`${chain}'`);
    return ok({ command: { op, chain: null } as Command, table });
  }
  const rest = words.slice(base);
  switch (op) {
    case 'flush':
    case 'zero':
    case 'delete-chain':
    case 'new-chain':
      return extra(rest, base, 0) ?? ok({ command: { op, chain }, table });
    case 'rename':
      if (rest[0] === undefined) return wordError(i, 'option "-E" requires two arguments');
      return extra(rest, base, 1) ?? ok({ command: { op, chain, newName: rest[0] }, table });
    case 'policy': {
      const policy = rest[0];
      if (policy !== 'ACCEPT' && policy !== 'DROP') {
        return wordError(base, `Bad policy name \`${policy ?? ''}'`);
      }
      return extra(rest, base, 1) ?? ok({ command: { op, chain, policy }, table });
    }
    case 'append':
    case 'check': {
      const r = spec(rest, base, 0, family);
      if (!r.ok) return r;
      return ok({ command: { op, chain, rule: r.value.rule, counters: r.value.counters }, table });
    }
    case 'insert':
    case 'replace': {
      const numbered = isNumber(rest[0]);
      if (op === 'replace' && !numbered)
        return wordError(base, `Invalid rule number \`${rest[0] ?? ''}'`);
      const pos = numbered ? position(rest[0]) : 1;
      if (pos === null) return wordError(base, `Invalid rule number \`${rest[0]}'`);
      const r = spec(rest, base, numbered ? 1 : 0, family);
      if (!r.ok) return r;
      const { rule, counters } = r.value;
      return ok({ command: { op, chain, position: pos, rule, counters }, table });
    }
    case 'delete': {
      if (isNumber(rest[0])) {
        const pos = position(rest[0]);
        if (pos === null) return wordError(base, `Invalid rule number \`${rest[0]}'`);
        return (
          extra(rest, base, 1) ?? ok({ command: { op, chain, position: pos, rule: null }, table })
        );
      }
      const r = spec(rest, base, 0, family);
      if (!r.ok) return r;
      return ok({ command: { op, chain, position: null, rule: r.value.rule }, table });
    }
  }
}
