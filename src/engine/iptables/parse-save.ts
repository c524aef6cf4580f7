/**
 * Reads iptables-save (`parseSave`) and `iptables -S` (`parseS`) output back into a ruleset, e.g.
 * text pasted from a real node (comment lines, `[p:b]` and `-c p b` counters included).
 */
import type { IpFamily } from '../net/ip.ts';
import { runCommand } from './command.ts';
import { parseCommand } from './command-parse.ts';
import { finishDraft, startDraft } from './draft.ts';
import type { RestoreError } from './restore.ts';
import { applyRestore } from './restore.ts';
import type { Result } from './result.ts';
import { err, ok } from './result.ts';
import type { Ruleset, TableName } from './ruleset.ts';
import { emptyRuleset } from './ruleset.ts';
import { splitRuleLine } from './words.ts';

/** Where pasted text could not be read, and why. */
export type ParseError = RestoreError;

/** iptables-save text → ruleset (every table it lists is present; counters are kept). */
export function parseSave(text: string, family: IpFamily = 4): Result<Ruleset, ParseError> {
  return applyRestore(emptyRuleset(family), text, { counters: true });
}

/** `iptables -t TABLE -S` text (`-P`, `-N`, `-A` lines) → ruleset with that one table present. */
export function parseS(
  text: string,
  table: TableName = 'filter',
  family: IpFamily = 4,
): Result<Ruleset, ParseError> {
  const draft = startDraft(emptyRuleset(family));
  draft.tables[table].present = true;
  const lines = text.split('\n');
  for (let n = 1; n <= lines.length; n++) {
    const line = (lines[n - 1] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    const fail = (reason: string) =>
      err({ line: n, summary: `line ${n}: cannot read \`${line}'`, reason });
    const words = splitRuleLine(line);
    if (!['-P', '-N', '-A'].includes(words[0] ?? '')) {
      return fail('expected a -P, -N or -A line');
    }
    const parsed = parseCommand(words, family);
    if (!parsed.ok) return fail(parsed.error.message);
    const problem = runCommand(draft, table, parsed.value.command);
    if (problem) return fail(problem);
  }
  return ok(finishDraft(draft));
}
