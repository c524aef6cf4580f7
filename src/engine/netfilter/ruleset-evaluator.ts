/**
 * One interface over both evaluators, so the hook runner (and the simulator) can use either:
 * the fast one normally, the linear oracle to cross-check.
 */
import type { Ruleset, TableName } from '../iptables/ruleset.ts';
import type { IpFamily } from '../net/ip.ts';
import type { CompiledRuleset } from './compiled-ruleset.ts';
import type { EvalContext } from './context.ts';
import type { EvalState } from './eval-state.ts';
import { evaluateChainFast } from './fast.ts';
import { evaluateChainLinear } from './linear.ts';
import type { Packet } from './packet.ts';
import type { TableResult } from './result.ts';

export interface RulesetEvaluator {
  /** Address family of the ruleset. */
  readonly family: IpFamily;
  /** Whether the table is in use (a table never used has no hooks registered). */
  readonly tablePresent: (table: TableName) => boolean;
  /** Evaluates one chain (a built-in chain name evaluates the table at that hook). */
  readonly evaluate: (
    table: TableName,
    chain: string,
    packet: Packet,
    ctx: EvalContext,
    state: EvalState,
  ) => TableResult;
}

export function linearEvaluator(ruleset: Ruleset): RulesetEvaluator {
  return {
    family: ruleset.family,
    tablePresent: (table) => ruleset.tables[table].present,
    evaluate: (table, chain, packet, ctx, state) =>
      evaluateChainLinear(ruleset, table, chain, packet, ctx, state),
  };
}

export function fastEvaluator(compiled: CompiledRuleset): RulesetEvaluator {
  return {
    family: compiled.family,
    tablePresent: (table) => compiled.ruleset.tables[table].present,
    evaluate: (table, chain, packet, ctx, state) =>
      evaluateChainFast(compiled, table, chain, packet, ctx, state),
  };
}
