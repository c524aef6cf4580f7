/**
 * Looks a rule's modules up in the evaluator registries and compiles them. A module without an
 * evaluator, or an option it does not support, is an error naming it — never silently ignored.
 */
import type { MatchCall, Rule, TargetCall } from '../iptables/rule.ts';
import type { MatchSite, MatchTest } from './match-evaluator.ts';
import { MATCH_EVALUATORS } from './match-registry.ts';
import type { TargetAction, TargetSite } from './target-evaluator.ts';
import { TARGET_EVALUATORS } from './target-registry.ts';

/** The compiled test of one match, or an error message. */
export function compileMatch(call: MatchCall, site: MatchSite): MatchTest | string {
  const evaluator = MATCH_EVALUATORS.get(call.name);
  if (!evaluator) return `unsupported match "${call.name}"`;
  return evaluator.compile(call, site);
}

/** The compiled action of a verdict or extension target, or an error message. */
export function compileTarget(call: TargetCall, site: TargetSite): TargetAction | string {
  const evaluator = TARGET_EVALUATORS.get(call.name);
  if (!evaluator) return `unsupported target "${call.name}"`;
  return evaluator.compile(call, site);
}

/** Whether trying the match can change anything (rng draw, state) or fail on the context. */
export function isPureMatch(call: MatchCall): boolean {
  return MATCH_EVALUATORS.get(call.name)?.pure ?? false;
}

/** The first problem of a rule (unknown module or option, missing jump chain), or null. */
export function ruleProblem(
  rule: Rule,
  site: Omit<MatchSite, 'matchIndex'>,
  chainExists: (name: string) => boolean,
): string | null {
  for (let m = 0; m < rule.matches.length; m++) {
    const compiled = compileMatch(rule.matches[m] as MatchCall, { ...site, matchIndex: m });
    if (typeof compiled === 'string') return compiled;
  }
  const target = rule.target;
  if (!target) return null;
  if (target.kind === 'chain') {
    return chainExists(target.name) ? null : `jump to missing chain "${target.name}"`;
  }
  const compiled = compileTarget(target, site);
  return typeof compiled === 'string' ? compiled : null;
}
