/**
 * The working record of one table evaluation, shared by the chain walkers and the evaluator
 * modules: the current packet (a MARK replaces it), the context, the state, and what the rule
 * being tried produced (notes from its matches, the effect and NAT binding of its target).
 */
import type { EvalContext } from './context.ts';
import type { EvalState } from './eval-state.ts';
import type { Packet } from './packet.ts';
import type { MatchNote, NatBinding, StepEffect } from './result.ts';

export interface Run {
  /** The packet as it is now. */
  packet: Packet;
  /** Interfaces, addresses, conntrack, rng, clock. */
  readonly ctx: EvalContext;
  /** Counters, recent lists, nth counters (updated in place). */
  readonly state: EvalState;
  /** Notes of the rule being tried (null until a match adds one). */
  notes: MatchNote[] | null;
  /** Effect of the target that just ran. */
  effect: StepEffect | null;
  /** NAT binding chosen by a nat target. */
  nat: NatBinding | null;
}

export function startRun(packet: Packet, ctx: EvalContext, state: EvalState): Run {
  return { packet, ctx, state, notes: null, effect: null, nat: null };
}

/** Appends a note to the rule being tried. */
export function addNote(run: Run, note: MatchNote): void {
  if (run.notes) run.notes.push(note);
  else run.notes = [note];
}
