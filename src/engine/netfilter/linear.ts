/**
 * The plain evaluator, kept obviously faithful so it can be the oracle for the fast one: every rule
 * of a chain in order, each match looked up and compiled as it is reached, jumps pushing a return
 * point, RETURN or the end of a user chain popping it, `-g` replacing the current frame, the end of
 * the bottom frame falling to the hook chain's policy (ipt_do_table's underflow).
 */
import { formatRuleSave } from '../iptables/format-rule.ts';
import type { Rule } from '../iptables/rule.ts';
import type { Chain, Ruleset, Table, TableName } from '../iptables/ruleset.ts';
import type { EvalContext } from './context.ts';
import { EvaluationFault } from './errors.ts';
import type { EvalState } from './eval-state.ts';
import { countPacket, policyCounterKey, ruleCounterKey } from './eval-state.ts';
import { headerMatches } from './header-match.ts';
import type { MatchTest } from './match-evaluator.ts';
import { compileMatch, compileTarget, ruleProblem } from './module-compile.ts';
import type { Packet } from './packet.ts';
import type { Step, StepEffect, TableResult, Verdict } from './result.ts';
import { ACCEPT, DROP, NAT, RETURN } from './result.ts';
import { startRun } from './run.ts';
import { endStep, policyStep, ruleStep } from './steps.ts';
import type { TargetAction } from './target-evaluator.ts';

interface Frame {
  /** Chain being walked. */
  chain: Chain;
  /** Index of the next rule to try. */
  pos: number;
  /** Index of the last rule that produced a step (-1: none yet). */
  last: number;
  /** Length of the call path before this frame's chain was entered. */
  pathMark: number;
}

/** First problem of each table, remembered per (immutable) Table object. */
const PROBLEMS = new WeakMap<Table, { chain: string; index: number; message: string } | null>();

function tableProblem(ruleset: Ruleset, table: TableName) {
  const t = ruleset.tables[table];
  if (PROBLEMS.has(t)) return PROBLEMS.get(t) ?? null;
  let found: { chain: string; index: number; message: string } | null = null;
  outer: for (const chain of t.chains.values()) {
    for (let i = 0; i < chain.rules.length; i++) {
      const site = { family: ruleset.family, table, chain: chain.name, ruleNumber: i + 1 };
      const message = ruleProblem((chain.rules[i] as { rule: Rule }).rule, site, (n) =>
        t.chains.has(n),
      );
      if (message) {
        found = { chain: chain.name, index: i, message };
        break outer;
      }
    }
  }
  PROBLEMS.set(t, found);
  return found;
}

/**
 * Evaluates `chainName` of `table` for one packet. A built-in chain ends in its policy; a user
 * chain evaluated on its own ends with the verdict RETURN.
 */
export function evaluateChainLinear(
  ruleset: Ruleset,
  table: TableName,
  chainName: string,
  packet: Packet,
  ctx: EvalContext,
  state: EvalState,
): TableResult {
  const t = ruleset.tables[table];
  const run = startRun(packet, ctx, state);
  const steps: Step[] = [];
  const done = (verdict: Verdict): TableResult => ({
    table,
    chain: chainName,
    verdict,
    nat: verdict.kind === 'NAT' ? run.nat : null,
    packet: run.packet,
    steps,
  });
  const fail = (message: string, chain: string, index: number | null, rule: Rule | null) =>
    done({
      kind: 'ERROR',
      error: {
        message,
        table,
        chain,
        ruleNumber: index === null ? null : index + 1,
        ruleText: rule ? formatRuleSave(chain, rule) : '',
      },
    });
  const start = t.chains.get(chainName);
  if (!start) return fail(`no chain "${chainName}" in table ${table}`, chainName, null, null);
  if (packet.src.family !== ruleset.family) {
    return fail(
      `an IPv${packet.src.family} packet in ip${ruleset.family === 6 ? '6' : ''}tables`,
      chainName,
      null,
      null,
    );
  }
  const problem = tableProblem(ruleset, table);
  if (problem) {
    const rule = (t.chains.get(problem.chain) as Chain).rules[problem.index]?.rule ?? null;
    return fail(problem.message, problem.chain, problem.index, rule);
  }

  const frames: Frame[] = [{ chain: start, pos: 0, last: -1, pathMark: 0 }];
  const path: string[] = [start.name];
  /** Bottom of the stack reached: the hook chain's policy, or RETURN for a user chain. */
  const underflow = (skipped: number): TableResult => {
    if (start.policy === null) return done(RETURN);
    steps.push(policyStep(table, start.name, start.policy, skipped));
    countPacket(state, policyCounterKey(table, start.name), run.packet.length);
    return done(start.policy === 'ACCEPT' ? ACCEPT : DROP);
  };

  for (;;) {
    const f = frames[frames.length - 1] as Frame;
    const chain = f.chain;
    const depth = frames.length - 1;
    if (f.pos >= chain.rules.length) {
      const remaining = chain.rules.length - f.last - 1;
      if (chain.policy === null) steps.push(endStep(table, chain.name, remaining, depth));
      if (frames.length > 1) {
        frames.pop();
        path.length = f.pathMark;
        continue;
      }
      return underflow(chain.policy === null ? 0 : remaining);
    }
    const i = f.pos++;
    const rule = (chain.rules[i] as { rule: Rule }).rule;
    if (!headerMatches(rule, run.packet, ctx)) continue;

    run.notes = null;
    let matched = true;
    try {
      for (let m = 0; m < rule.matches.length; m++) {
        const site = {
          family: ruleset.family,
          table,
          chain: chain.name,
          ruleNumber: i + 1,
          matchIndex: m,
        };
        const test = compileMatch(rule.matches[m] as Rule['matches'][number], site) as MatchTest;
        if (!test(run)) {
          matched = false;
          break;
        }
      }
    } catch (e) {
      if (e instanceof EvaluationFault) return fail(e.message, chain.name, i, rule);
      throw e;
    }
    const skipped = i - f.last - 1;
    if (!matched) {
      if (run.notes) {
        steps.push(
          ruleStep(
            table,
            chain.name,
            i,
            rule.target?.name ?? '',
            formatRuleSave(chain.name, rule),
            null,
            false,
            skipped,
            depth,
            run.notes,
          ),
        );
        f.last = i;
      }
      continue;
    }
    countPacket(state, ruleCounterKey(table, chain.name, i + 1), run.packet.length);
    f.last = i;
    const text = formatRuleSave(chain.name, rule);
    const target = rule.target;
    if (!target) {
      steps.push(ruleStep(table, chain.name, i, '', text, null, true, skipped, depth, run.notes));
      continue;
    }
    if (target.kind === 'chain') {
      const next = t.chains.get(target.name) as Chain;
      if (path.includes(next.name)) {
        return fail(`chain loop: ${[...path, next.name].join(' -> ')}`, chain.name, i, rule);
      }
      const effect: StepEffect = { kind: target.goto ? 'goto' : 'jump', chain: next.name };
      steps.push(
        ruleStep(table, chain.name, i, target.name, text, effect, true, skipped, depth, run.notes),
      );
      if (target.goto)
        frames[frames.length - 1] = { chain: next, pos: 0, last: -1, pathMark: f.pathMark };
      else frames.push({ chain: next, pos: 0, last: -1, pathMark: path.length });
      path.push(next.name);
      continue;
    }
    const action = compileTarget(target, {
      family: ruleset.family,
      table,
      chain: chain.name,
    }) as TargetAction;
    run.effect = null;
    const code = action(run);
    steps.push(
      ruleStep(
        table,
        chain.name,
        i,
        target.name,
        text,
        run.effect,
        true,
        skipped,
        depth,
        run.notes,
      ),
    );
    if (code === 'continue') continue;
    if (code === 'accept') return done(ACCEPT);
    if (code === 'drop') return done(DROP);
    if (code === 'nat') return done(NAT);
    if (code === 'reject') {
      const effect = run.effect as StepEffect | null;
      return done({ kind: 'REJECT', with: effect?.kind === 'reject' ? effect.with : '' });
    }
    // RETURN: back to the caller, or underflow at the bottom.
    if (frames.length > 1) {
      frames.pop();
      path.length = f.pathMark;
      continue;
    }
    return underflow(0);
  }
}

/**
 * Evaluates the built-in chain `hook` of `table` for one packet (linear oracle).
 *
 * @example
 * const r = evaluateTableLinear(ruleset, 'nat', 'PREROUTING', packet, ctx, createEvalState());
 * if (r.verdict.kind === 'NAT') console.log(r.nat);
 */
export function evaluateTableLinear(
  ruleset: Ruleset,
  table: TableName,
  hook: string,
  packet: Packet,
  ctx: EvalContext,
  state: EvalState,
): TableResult {
  return evaluateChainLinear(ruleset, table, hook, packet, ctx, state);
}
