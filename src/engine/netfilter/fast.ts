/**
 * The fast evaluator: the same chain semantics as linear.ts over a compiled ruleset. A chain with
 * an index is walked over the packet's candidate rules only; everything else (steps, skipped
 * counts, counters, rng draws) comes out identical to the linear walk, which the property tests
 * check. Long rulesets make this memory-bound, so the hot loop reads flat fields and allocates
 * only what the result holds.
 */
import type { TableName } from '../iptables/ruleset.ts';
import { candidatesFor } from './chain-index.ts';
import type {
  CompiledChain,
  CompiledRule,
  CompiledRuleset,
  CounterSlot,
} from './compiled-ruleset.ts';
import { compiledRuleText, T_ACTION, T_GOTO, T_NONE } from './compiled-ruleset.ts';
import type { MatchTest } from './match-evaluator.ts';
import type { EvalContext } from './context.ts';
import { EvaluationFault } from './errors.ts';
import type { EvalState } from './eval-state.ts';
import { headerPasses } from './header-test.ts';
import type { Packet } from './packet.ts';
import type { Step, StepEffect, TableResult, Verdict } from './result.ts';
import { ACCEPT, DROP, NAT, RETURN } from './result.ts';
import type { Run } from './run.ts';
import { startRun } from './run.ts';
import { endStep, policyStep, ruleStep } from './steps.ts';

interface Frame {
  /** Chain being walked. */
  chain: CompiledChain;
  /** Candidate rule indices (null: all rules in order). */
  cand: readonly number[] | null;
  /** Next position in `cand` (or next rule index). */
  k: number;
  /** Index of the last rule that produced a step. */
  last: number;
  /** Length of the call path before this frame's chain was entered. */
  pathMark: number;
}

function enter(chain: CompiledChain, p: Packet, pathMark: number): Frame {
  return {
    chain,
    cand: chain.index ? candidatesFor(chain.index, p) : null,
    k: 0,
    last: -1,
    pathMark,
  };
}

/** Adds a packet to a counter, keeping the state's counter object on the slot for next time. */
function count(state: EvalState, slot: CounterSlot, bytes: number): void {
  let c = slot.counterState === state ? slot.counter : null;
  if (c === null) {
    c = state.counters.get(slot.counterKey) ?? null;
    if (c === null) state.counters.set(slot.counterKey, (c = { packets: 0, bytes: 0 }));
    slot.counterState = state;
    slot.counter = c;
  }
  c.packets += 1;
  c.bytes += bytes;
}

function result(
  table: TableName,
  chain: string,
  verdict: Verdict,
  run: Run,
  steps: Step[],
): TableResult {
  return {
    table,
    chain,
    verdict,
    nat: verdict.kind === 'NAT' ? run.nat : null,
    packet: run.packet,
    steps,
  };
}

function failure(
  table: TableName,
  chainName: string,
  message: string,
  chain: string,
  r: CompiledRule | null,
  run: Run,
  steps: Step[],
): TableResult {
  const error = {
    message,
    table,
    chain,
    ruleNumber: r ? r.index + 1 : null,
    ruleText: r ? compiledRuleText(chain, r) : '',
  };
  return result(table, chainName, { kind: 'ERROR', error }, run, steps);
}

/** Tries a rule's matches; an EvaluationFault (missing ipset) comes back as its message. */
function tryMatches(r: CompiledRule, run: Run): boolean | string {
  try {
    if (!(r.match0 as MatchTest)(run)) return false;
    const more = r.moreMatches;
    if (more !== null) {
      for (let m = 0; m < more.length; m++) if (!(more[m] as MatchTest)(run)) return false;
    }
  } catch (e) {
    if (e instanceof EvaluationFault) return e.message;
    throw e;
  }
  return true;
}

/** Evaluates chain `chainName` of `table` with the compiled ruleset (see evaluateChainLinear). */
export function evaluateChainFast(
  compiled: CompiledRuleset,
  table: TableName,
  chainName: string,
  packet: Packet,
  ctx: EvalContext,
  state: EvalState,
): TableResult {
  const run = startRun(packet, ctx, state);
  const steps: Step[] = [];
  const start = compiled.tables[table].chains.get(chainName);
  if (!start)
    return failure(
      table,
      chainName,
      `no chain "${chainName}" in table ${table}`,
      chainName,
      null,
      run,
      steps,
    );
  if (packet.src.family !== compiled.family) {
    const message = `an IPv${packet.src.family} packet in ip${compiled.family === 6 ? '6' : ''}tables`;
    return failure(table, chainName, message, chainName, null, run, steps);
  }
  const frames: Frame[] = [enter(start, packet, 0)];
  const path: CompiledChain[] = [start];
  let underflowSkipped: number;

  for (;;) {
    const f = frames[frames.length - 1] as Frame;
    const chain = f.chain;
    const rules = chain.rules;
    let i: number;
    if (f.cand === null) i = f.k < rules.length ? f.k++ : -1;
    else i = f.k < f.cand.length ? (f.cand[f.k++] as number) : -1;
    const depth = frames.length - 1;
    if (i < 0) {
      const remaining = rules.length - f.last - 1;
      if (chain.policy === null) steps.push(endStep(table, chain.name, remaining, depth));
      if (frames.length > 1) {
        frames.pop();
        path.length = f.pathMark;
        continue;
      }
      underflowSkipped = chain.policy === null ? 0 : remaining;
      break;
    }
    const r = rules[i] as CompiledRule;
    if (r.header !== 0 && !headerPasses(r, run.packet, ctx)) continue;

    run.notes = null;
    const matched = r.match0 === null ? true : tryMatches(r, run);
    if (typeof matched === 'string')
      return failure(table, chainName, matched, chain.name, r, run, steps);
    const skipped = i - f.last - 1;
    if (!matched) {
      if (run.notes) {
        steps.push(
          ruleStep(
            table,
            chain.name,
            i,
            r.targetName,
            compiledRuleText(chain.name, r),
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
    count(state, r, run.packet.length);
    f.last = i;
    const text = compiledRuleText(chain.name, r);
    const kind = r.targetKind;
    if (kind === T_NONE) {
      steps.push(
        ruleStep(table, chain.name, i, r.targetName, text, null, true, skipped, depth, run.notes),
      );
      continue;
    }
    if (kind !== T_ACTION) {
      const next = r.targetChain as CompiledChain;
      if (path.includes(next)) {
        const names = [...path, next].map((c) => c.name).join(' -> ');
        return failure(table, chainName, `chain loop: ${names}`, chain.name, r, run, steps);
      }
      steps.push(
        ruleStep(
          table,
          chain.name,
          i,
          r.targetName,
          text,
          r.jumpEffect,
          true,
          skipped,
          depth,
          run.notes,
        ),
      );
      if (kind === T_GOTO) frames[frames.length - 1] = enter(next, run.packet, f.pathMark);
      else frames.push(enter(next, run.packet, path.length));
      path.push(next);
      continue;
    }
    run.effect = null;
    const code = (r.action as NonNullable<CompiledRule['action']>)(run);
    steps.push(
      ruleStep(
        table,
        chain.name,
        i,
        r.targetName,
        text,
        run.effect,
        true,
        skipped,
        depth,
        run.notes,
      ),
    );
    if (code === 'continue') continue;
    if (code === 'accept') return result(table, chainName, ACCEPT, run, steps);
    if (code === 'drop') return result(table, chainName, DROP, run, steps);
    if (code === 'nat') return result(table, chainName, NAT, run, steps);
    if (code === 'reject') {
      const effect = run.effect as StepEffect | null;
      const verdict: Verdict = {
        kind: 'REJECT',
        with: effect?.kind === 'reject' ? effect.with : '',
      };
      return result(table, chainName, verdict, run, steps);
    }
    if (frames.length > 1) {
      frames.pop();
      path.length = f.pathMark;
      continue;
    }
    underflowSkipped = 0;
    break;
  }
  // Bottom of the stack: the hook chain's policy, or RETURN for a user chain.
  if (start.policy === null) return result(table, chainName, RETURN, run, steps);
  steps.push(policyStep(table, start.name, start.policy, underflowSkipped));
  count(state, start.policySlot, run.packet.length);
  return result(table, chainName, start.policy === 'ACCEPT' ? ACCEPT : DROP, run, steps);
}

/**
 * Evaluates the built-in chain `hook` of `table` for one packet with a compiled ruleset.
 *
 * @example
 * const compiled = compileRuleset(ruleset);
 * if (compiled.ok) evaluateTableFast(compiled.value, 'nat', 'PREROUTING', packet, ctx, state);
 */
export function evaluateTableFast(
  compiled: CompiledRuleset,
  table: TableName,
  hook: string,
  packet: Packet,
  ctx: EvalContext,
  state: EvalState,
): TableResult {
  return evaluateChainFast(compiled, table, hook, packet, ctx, state);
}
