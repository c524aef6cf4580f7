/**
 * The shape of a target evaluator: one module per `-j` extension (and the built-in verdicts) turns
 * the stored options into an action. Jumps and gotos to user chains are the chain walkers' job.
 */
import type { IpFamily } from '../net/ip.ts';
import type { TargetCall } from '../iptables/rule.ts';
import type { TableName } from '../iptables/ruleset.ts';
import type { NatBinding, StepEffect } from './result.ts';
import type { Run } from './run.ts';

/** What the walker does next: go on with the next rule, or stop with a verdict, or RETURN. */
export type TargetCode = 'continue' | 'accept' | 'drop' | 'reject' | 'nat' | 'return';

/** Where a target sits. */
export interface TargetSite {
  /** Address family of the ruleset. */
  readonly family: IpFamily;
  /** Table. */
  readonly table: TableName;
  /** Chain. */
  readonly chain: string;
}

/** Runs the target: sets `run.effect` (and `run.nat`, `run.packet`) and says what comes next. */
export type TargetAction = ((run: Run) => TargetCode) & {
  /**
   * Set on targets that do the same for every packet (verdicts, DNAT to one `ip:port`): what
   * they do, as data, so the fast evaluator need not call them. The action itself does exactly this.
   */
  readonly fixed?: FixedAction;
};

/** A target's constant outcome: the code, the step effect, and the NAT binding (null: none). */
export interface FixedAction {
  readonly code: TargetCode;
  readonly effect: StepEffect;
  readonly nat: NatBinding | null;
}

/** An action that always does `fixed`, with `fixed` attached. */
export function fixedAction(fixed: FixedAction): TargetAction {
  const { code, effect, nat } = fixed;
  const action =
    nat === null
      ? (run: Run): TargetCode => {
          run.effect = effect;
          return code;
        }
      : (run: Run): TargetCode => {
          run.nat = nat;
          run.effect = effect;
          return code;
        };
  return Object.assign(action, { fixed });
}

export interface TargetEvaluator {
  /** Target name as after `-j`. */
  readonly name: string;
  /** The action for these options, or an error message. */
  readonly compile: (call: TargetCall, site: TargetSite) => TargetAction | string;
}

/** An error naming the first option of `call` not in `known`, or null. */
export function unknownTargetOption(call: TargetCall, known: readonly string[]): string | null {
  for (const o of call.options) {
    if (!known.includes(o.name)) return `target ${call.name}: option --${o.name} is not supported`;
  }
  return null;
}
