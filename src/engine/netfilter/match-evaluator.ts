/**
 * The shape of a match evaluator: one module per `-m` name turns the stored (canonical) options of
 * a MatchCall into a test. Compiling is separate from testing so the fast evaluator compiles once;
 * the linear one compiles each time it reaches a rule.
 */
import type { IpFamily } from '../net/ip.ts';
import type { MatchCall } from '../iptables/rule.ts';
import type { TableName } from '../iptables/ruleset.ts';
import type { Run } from './run.ts';

/** Where a match sits (state such as nth counters belongs to the match instance). */
export interface MatchSite {
  /** Address family of the ruleset. */
  readonly family: IpFamily;
  /** Table. */
  readonly table: TableName;
  /** Chain. */
  readonly chain: string;
  /** 1-based rule number. */
  readonly ruleNumber: number;
  /** 0-based index of the match within the rule. */
  readonly matchIndex: number;
}

/** Whether the packet matches; may draw randomness, update state and add notes to the run. */
export type MatchTest = ((run: Run) => boolean) & {
  /**
   * Set on `statistic --mode random` tests: what the test does, as data, so the fast evaluator
   * can draw inline (no closure to chase on a cold rule). The test itself does exactly this.
   */
  readonly random?: RandomDraw;
};

/** A `statistic --mode random` test as data: draw once, matched when draw < probability (≠ negated). */
export interface RandomDraw {
  /** Probability the kernel uses (stored value / 2³¹). */
  readonly probability: number;
  /** As iptables-save prints it. */
  readonly text: string;
  /** `! --probability`. */
  readonly negated: boolean;
}

/** The test of a match that always matches and changes nothing (comment, nfacct): compiled away. */
export const ALWAYS: MatchTest = () => true;

export interface MatchEvaluator {
  /** Module name as after `-m`. */
  readonly name: string;
  /** Testing draws no randomness and changes no state, so a rule may be skipped unseen. */
  readonly pure: boolean;
  /** The test for these options, or an error message (an option or value it does not support). */
  readonly compile: (call: MatchCall, site: MatchSite) => MatchTest | string;
}

/** The first option named `name`. */
export function optionOf(call: MatchCall, name: string) {
  for (const o of call.options) if (o.name === name) return o;
  return undefined;
}

/** An error naming the first option of `call` not in `known`, or null. */
export function unknownOption(call: MatchCall, known: readonly string[]): string | null {
  for (const o of call.options) {
    if (!known.includes(o.name)) return `match "${call.name}": option --${o.name} is not supported`;
  }
  return null;
}

/** `p` or `lo:hi` as the tcp/udp/sctp/multiport matches store ports. */
export function parseStoredPorts(text: string): readonly [number, number] | null {
  const colon = text.indexOf(':');
  const lo = Number(colon < 0 ? text : text.slice(0, colon));
  const hi = colon < 0 ? lo : Number(text.slice(colon + 1));
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 0 || hi > 65535 || lo > hi)
    return null;
  return [lo, hi];
}
