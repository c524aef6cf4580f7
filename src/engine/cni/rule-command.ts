/** An iptables command a CNI runs, as data: the table and the argument words. */
import type { TableName } from '../iptables/ruleset.ts';

export interface RuleCommand {
  /** `-t TABLE`. */
  readonly table: TableName;
  /** The words after `iptables -t TABLE` (`['-I', 'FORWARD', '1', '-o', 'weave', …]`). */
  readonly words: readonly string[];
}

/** A command from a line without quoted words, plus words appended as they are (e.g. a comment). */
export function command(table: TableName, line: string, ...tail: readonly string[]): RuleCommand {
  return { table, words: [...line.split(' '), ...tail] };
}

/** A user chain a CNI creates (only when it does not exist yet). */
export interface ChainSpec {
  /** Its table. */
  readonly table: TableName;
  /** Its name. */
  readonly name: string;
}
