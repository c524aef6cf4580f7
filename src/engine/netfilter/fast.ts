/**
 * The fast evaluator: the same chain semantics as linear.ts over a compiled ruleset. A chain with
 * an index is walked over the packet's candidate rules only; everything else (steps, skipped
 * counts, counters, rng draws) comes out identical to the linear walk, which the property tests
 * check (equivalence.property.test.ts, golden-equivalence.property.test.ts). Long rulesets make
 * this memory-bound (each cold object read is a cache and TLB miss), so the hot loop touches as
 * few objects as it can: it goes from rule to rule (`next`) and from a jump rule straight to the
 * target chain's first rule without reading chains or rules arrays, reads flat fields of the
 * compiled rule (header, an inline `statistic` draw, a constant target), counts on the rule
 * itself, keeps its call stack in shared arrays, reuses immutable steps that come out the same
 * again, and allocates little besides what the result holds.
 */
import type { TableName } from '../iptables/ruleset.ts';
import type { ChainIndex } from './chain-index.ts';
import { candidates, candidatesFor } from './chain-index.ts';
import type { CompiledChain, CompiledRule, CompiledRuleset } from './compiled-ruleset.ts';
import { compiledRuleText, T_ACTION, T_GOTO, T_NONE } from './compiled-ruleset.ts';
import type { MatchTest } from './match-evaluator.ts';
import type { TargetCode } from './target-evaluator.ts';
import type { EvalContext } from './context.ts';
import { EvaluationFault } from './errors.ts';
import type { EvalState, PendingCounter, PendingCounts } from './eval-state.ts';
import { countPacket, countPending, pendingCounts } from './eval-state.ts';
import { headerPasses } from './header-test.ts';
import type { Packet } from './packet.ts';
import type { MatchNote, Step, StepEffect, TableResult, Verdict } from './result.ts';
import { ACCEPT, DROP, NAT, RETURN } from './result.ts';
import type { Run } from './run.ts';
import { startRun } from './run.ts';
import { endStep, policyStep, ruleStep } from './steps.ts';

const TWO_31 = 0x80000000;

/**
 * The call stack of a walk, as parallel arrays shared by every evaluation (an evaluation runs to
 * its end synchronously and never starts another), so a walk allocates no frame objects. Frame f
 * holds its chain and the rules to try: every rule in order (the next one in `F_RULE`, following
 * `next`), or the packet's candidates from the chain's index (positions `F_POS` to `F_END` of the
 * index's pool); then the index of the last rule that produced a step, and the length of the
 * call path before the chain was entered.
 */
const F_CHAIN: CompiledChain[] = [];
const F_RULE: (CompiledRule | null)[] = [];
const F_POOL: (readonly CompiledRule[] | null)[] = [];
const F_POS: number[] = [];
const F_END: number[] = [];
const F_LAST: number[] = [];
const F_MARK: number[] = [];
/** The chains on the call path (gotos included), for the loop check. */
const PATH: CompiledChain[] = [];
/** The steps of the walk so far (copied out at the end: one right-sized array per result). */
const STEPS: Step[] = [];

/** Enters `chain` in frame f (its first rule and index read off the jump rule). */
function setFrame(
  f: number,
  chain: CompiledChain,
  first: CompiledRule | null,
  index: ChainIndex<CompiledRule> | null,
  p: Packet,
  mark: number,
): void {
  F_CHAIN[f] = chain;
  if (index === null) {
    F_RULE[f] = first;
    F_POOL[f] = null;
  } else {
    candidatesFor(index, p);
    F_POOL[f] = candidates.pool as readonly CompiledRule[];
    F_POS[f] = candidates.start;
    F_END[f] = candidates.end;
  }
  F_LAST[f] = -1;
  F_MARK[f] = mark;
}

function onPath(chain: CompiledChain, length: number): boolean {
  for (let k = 0; k < length; k++) if (PATH[k] === chain) return true;
  return false;
}

/**
 * Adds a packet to a rule's (or policy's) counter: pending on the compiled rule for a state made
 * by createEvalState (eval-state.ts), so a cold rule costs no Map work and no counter object;
 * straight into the map of any other state.
 */
function count(
  state: EvalState,
  pending: PendingCounts | undefined,
  c: PendingCounter,
  bytes: number,
): void {
  if (c.pendingState === state) {
    c.pendingPackets += 1;
    c.pendingBytes += bytes;
  } else if (pending !== undefined) countPending(state, pending, c, bytes);
  else countPacket(state, c.counterKey, bytes);
}

function result(
  table: TableName,
  chain: string,
  verdict: Verdict,
  run: Run,
  steps: readonly Step[],
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
  steps: readonly Step[],
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

/**
 * The step of a rule that matched. Steps are immutable, so one without notes is kept on the rule
 * and handed out again while the walk looks the same (same effect object, skipped count, depth):
 * a burst of connections through the same rules then allocates few steps.
 */
function matchedStep(
  table: TableName,
  chain: string,
  r: CompiledRule,
  effect: StepEffect | null,
  skipped: number,
  depth: number,
  notes: readonly MatchNote[] | null,
): Step {
  if (notes !== null)
    return ruleStep(
      table,
      chain,
      r.index,
      r.targetName,
      compiledRuleText(chain, r),
      effect,
      true,
      skipped,
      depth,
      notes,
    );
  const last = r.lastStep;
  if (
    last !== null &&
    r.lastEffect === effect &&
    r.lastSkipped === skipped &&
    r.lastDepth === depth
  )
    return last;
  const step = ruleStep(
    table,
    chain,
    r.index,
    r.targetName,
    compiledRuleText(chain, r),
    effect,
    true,
    skipped,
    depth,
    null,
  );
  r.lastStep = step;
  r.lastEffect = effect;
  r.lastSkipped = skipped;
  r.lastDepth = depth;
  return step;
}

/** The step of a user chain running out of rules (kept on the chain like matchedStep's). */
function chainEndStep(
  table: TableName,
  chain: CompiledChain,
  skipped: number,
  depth: number,
): Step {
  const last = chain.lastEnd;
  if (last !== null && last.skipped === skipped && last.depth === depth) return last;
  return (chain.lastEnd = endStep(table, chain.name, skipped, depth));
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
  const t = compiled.tables[table];
  const start = t.builtins.get(chainName) ?? t.chains.get(chainName);
  if (start !== undefined && start.policySteps !== null && start.rules.length === 0) {
    if (packet.src.family === compiled.family) {
      // An empty built-in chain (a table's unused hook): its policy, with the same step every time.
      count(state, pendingCounts(state), start.policySlot, packet.length);
      const verdict = start.policy === 'ACCEPT' ? ACCEPT : DROP;
      return { table, chain: chainName, verdict, nat: null, packet, steps: start.policySteps };
    }
  }
  const run = startRun(packet, ctx, state);
  if (!start)
    return failure(
      table,
      chainName,
      `no chain "${chainName}" in table ${table}`,
      chainName,
      null,
      run,
      [],
    );
  if (packet.src.family !== compiled.family) {
    const message = `an IPv${packet.src.family} packet in ip${compiled.family === 6 ? '6' : ''}tables`;
    return failure(table, chainName, message, chainName, null, run, []);
  }
  const pending = pendingCounts(state);
  let n = 0;
  let top = 1;
  setFrame(0, start, start.rules[0] ?? null, start.index, packet, 0);
  let pathLength = 1;
  PATH[0] = start;
  let underflowSkipped: number;

  for (;;) {
    const f = top - 1;
    const chain = F_CHAIN[f] as CompiledChain;
    const pool = F_POOL[f] as readonly CompiledRule[] | null;
    let r: CompiledRule | null;
    if (pool === null) {
      r = F_RULE[f] as CompiledRule | null;
      if (r !== null) F_RULE[f] = r.next;
    } else {
      const k = F_POS[f] as number;
      F_POS[f] = k + 1;
      r = k < (F_END[f] as number) ? (pool[k] as CompiledRule) : null;
    }
    const depth = f;
    const last = F_LAST[f] as number;
    if (r === null) {
      const remaining = chain.rules.length - last - 1;
      if (chain.policy === null) STEPS[n++] = chainEndStep(table, chain, remaining, depth);
      if (top > 1) {
        top--;
        pathLength = F_MARK[f] as number;
        continue;
      }
      underflowSkipped = chain.policy === null ? 0 : remaining;
      break;
    }
    if (r.header !== 0 && !headerPasses(r, run.packet, ctx)) continue;
    const i = r.index;

    run.notes = null;
    let matched: boolean | string = true;
    const stored = r.randomStored;
    if (stored >= 0) {
      // The statistic test inline (exactly what its MatchTest does: draw < stored / 2³¹).
      const draw = ctx.rng();
      matched = draw * TWO_31 < stored !== r.randomNeg;
      const note: MatchNote = {
        kind: 'random',
        probability: stored / TWO_31,
        probabilityText: r.randomText,
        draw,
        taken: matched,
      };
      run.notes = [note];
    } else if (r.match0 !== null) matched = tryMatches(r, run);
    if (typeof matched === 'string')
      return failure(table, chainName, matched, r.chainName, r, run, STEPS.slice(0, n));
    const skipped = i - last - 1;
    if (!matched) {
      if (run.notes) {
        STEPS[n++] = ruleStep(
          table,
          r.chainName,
          i,
          r.targetName,
          compiledRuleText(r.chainName, r),
          null,
          false,
          skipped,
          depth,
          run.notes,
        );
        F_LAST[f] = i;
      }
      continue;
    }
    count(state, pending, r, run.packet.length);
    F_LAST[f] = i;
    const kind = r.targetKind;
    if (kind === T_NONE) {
      STEPS[n++] = matchedStep(table, r.chainName, r, null, skipped, depth, run.notes);
      continue;
    }
    if (kind !== T_ACTION) {
      const next = r.targetChain as CompiledChain;
      if (onPath(next, pathLength)) {
        const names = [...PATH.slice(0, pathLength), next].map((c) => c.name).join(' -> ');
        return failure(
          table,
          chainName,
          `chain loop: ${names}`,
          r.chainName,
          r,
          run,
          STEPS.slice(0, n),
        );
      }
      STEPS[n++] = matchedStep(table, r.chainName, r, r.jumpEffect, skipped, depth, run.notes);
      const mark = kind === T_GOTO ? (F_MARK[f] as number) : pathLength;
      setFrame(kind === T_GOTO ? f : top++, next, r.targetFirst, r.targetIndex, run.packet, mark);
      PATH[pathLength++] = next;
      continue;
    }
    let code: TargetCode;
    const fixedCode = r.fixedCode;
    if (fixedCode !== '') {
      // A constant target inline (exactly what its action does).
      if (r.fixedNat !== null) run.nat = r.fixedNat;
      run.effect = r.fixedEffect;
      code = fixedCode;
    } else {
      run.effect = null;
      code = (r.action as NonNullable<CompiledRule['action']>)(run);
    }
    STEPS[n++] = matchedStep(table, r.chainName, r, run.effect, skipped, depth, run.notes);
    if (code === 'continue') continue;
    if (code === 'accept') return result(table, chainName, ACCEPT, run, STEPS.slice(0, n));
    if (code === 'drop') return result(table, chainName, DROP, run, STEPS.slice(0, n));
    if (code === 'nat') return result(table, chainName, NAT, run, STEPS.slice(0, n));
    if (code === 'reject') {
      const effect = run.effect as StepEffect | null;
      const verdict: Verdict = {
        kind: 'REJECT',
        with: effect?.kind === 'reject' ? effect.with : '',
      };
      return result(table, chainName, verdict, run, STEPS.slice(0, n));
    }
    if (top > 1) {
      top--;
      pathLength = F_MARK[f] as number;
      continue;
    }
    underflowSkipped = 0;
    break;
  }
  // Bottom of the stack: the hook chain's policy, or RETURN for a user chain.
  if (start.policy === null) return result(table, chainName, RETURN, run, STEPS.slice(0, n));
  const policy =
    start.lastPolicy !== null && start.lastPolicy.skipped === underflowSkipped
      ? start.lastPolicy
      : (start.lastPolicy = policyStep(table, start.name, start.policy, underflowSkipped));
  STEPS[n++] = policy;
  count(state, pending, start.policySlot, run.packet.length);
  return result(
    table,
    chainName,
    start.policy === 'ACCEPT' ? ACCEPT : DROP,
    run,
    STEPS.slice(0, n),
  );
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
