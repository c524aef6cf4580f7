/** What stops an evaluation: a module this evaluator does not know, a chain loop, a missing set. */
import type { TableName } from '../iptables/ruleset.ts';

export interface NetfilterError {
  /** What went wrong, naming the module, option, set or chain. */
  readonly message: string;
  /** Table being evaluated. */
  readonly table: TableName;
  /** Chain of the rule at fault. */
  readonly chain: string;
  /** 1-based rule number, or null when the problem is not one rule's. */
  readonly ruleNumber: number | null;
  /** The rule as iptables-save prints it (empty when there is no rule). */
  readonly ruleText: string;
}

/** Thrown by an evaluator module at run time (e.g. an ipset that does not exist). */
export class EvaluationFault extends Error {}

/** `message (table chain #n: -A …)` for logs and the CLI. */
export function formatNetfilterError(e: NetfilterError): string {
  const where =
    e.ruleNumber === null ? `${e.table} ${e.chain}` : `${e.table} ${e.chain} #${e.ruleNumber}`;
  return e.ruleText ? `${e.message} (${where}: ${e.ruleText})` : `${e.message} (${where})`;
}
