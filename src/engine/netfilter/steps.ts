/** Builders for the explanation steps, shared by both evaluators so their steps compare equal. */
import type { TableName } from '../iptables/ruleset.ts';
import type { MatchNote, Step, StepEffect } from './result.ts';
import { NO_NOTES } from './result.ts';

const COUNT: StepEffect = { kind: 'count' };
const NO_MATCH: StepEffect = { kind: 'no-match' };
const END: StepEffect = { kind: 'end' };
const POLICY_ACCEPT: StepEffect = { kind: 'policy', policy: 'ACCEPT' };
const POLICY_DROP: StepEffect = { kind: 'policy', policy: 'DROP' };

/** A rule that matched (or, with effect null, a rule whose matches ran but failed). */
export function ruleStep(
  table: TableName,
  chain: string,
  index: number,
  targetName: string,
  ruleText: string,
  effect: StepEffect | null,
  matched: boolean,
  skipped: number,
  depth: number,
  notes: readonly MatchNote[] | null,
): Step {
  return {
    table,
    chain,
    ruleNumber: index + 1,
    ruleText,
    target: matched ? targetName : '',
    effect: matched ? (effect ?? COUNT) : NO_MATCH,
    skipped,
    depth,
    notes: notes ?? NO_NOTES,
  };
}

/** A user chain that ran out of rules. */
export function endStep(table: TableName, chain: string, skipped: number, depth: number): Step {
  return {
    table,
    chain,
    ruleNumber: null,
    ruleText: '',
    target: '',
    effect: END,
    skipped,
    depth,
    notes: NO_NOTES,
  };
}

/** A built-in chain's policy deciding. */
export function policyStep(
  table: TableName,
  chain: string,
  policy: 'ACCEPT' | 'DROP',
  skipped: number,
): Step {
  return {
    table,
    chain,
    ruleNumber: null,
    ruleText: `-P ${chain} ${policy}`,
    target: policy,
    effect: policy === 'ACCEPT' ? POLICY_ACCEPT : POLICY_DROP,
    skipped,
    depth: 0,
    notes: NO_NOTES,
  };
}
