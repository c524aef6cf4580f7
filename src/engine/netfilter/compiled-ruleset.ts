/**
 * A ruleset compiled once for the fast evaluator: per chain the rules with their header as
 * numbers, compiled match tests and target action, jump targets resolved to chain objects, counter
 * keys built, and an index for long chains (chain-index.ts). Checks that an index lookup already
 * guarantees are left out of the indexed rules. Every module is compiled up front, so an
 * unsupported match or target anywhere is reported here, naming the rule.
 */
import { formatRuleSave } from '../iptables/format-rule.ts';
import type { Result } from '../iptables/result.ts';
import { err, ok } from '../iptables/result.ts';
import type { MatchCall, Rule } from '../iptables/rule.ts';
import type { Chain, Policy, Ruleset, TableName } from '../iptables/ruleset.ts';
import { TABLE_NAMES } from '../iptables/ruleset.ts';
import type { IpFamily } from '../net/ip.ts';
import type { ChainIndex, RuleKey } from './chain-index.ts';
import { buildChainIndex, planChainIndex } from './chain-index.ts';
import type { NetfilterError } from './errors.ts';
import type { PendingCounter } from './eval-state.ts';
import { policyCounterKey, ruleCounterKey } from './eval-state.ts';
import type { HeaderFields } from './header-test.ts';
import { compileHeader, H_DST, H_DST_NEG, H_PROTO, H_PROTO_NEG } from './header-test.ts';
import type { MatchTest } from './match-evaluator.ts';
import { ALWAYS } from './match-evaluator.ts';
import { compileMatch, compileTarget } from './module-compile.ts';
import type { NatBinding, Step, StepEffect } from './result.ts';
import { policyStep } from './steps.ts';
import type { TargetAction, TargetCode } from './target-evaluator.ts';

const TWO_31 = 0x80000000;

/** Target kinds of a compiled rule. */
export const T_NONE = 0;
export const T_JUMP = 1;
export const T_GOTO = 2;
export const T_ACTION = 3;

/**
 * One rule, flat: the walker reads fields of this object and follows few pointers. Long rulesets
 * make a walk memory-bound, so compileRule creates the fields in the order a walk reads them (an
 * object's fields lie in that order in memory): the header check (HeaderFields), the inline
 * random draw, what every step needs, the counter and step cache of a matched rule, the target.
 */
export interface CompiledRule extends HeaderFields, PendingCounter {
  /**
   * The next rule of its chain (null after the last): a chain walked in full goes rule to rule
   * without reading its rules array (set once the chain is compiled).
   */
  next: CompiledRule | null;
  /**
   * The rule's only test when it is `statistic --mode random` (kube-proxy's KUBE-SVC rules),
   * drawn inline as flat fields (match0 is then null): the probability times 2³¹, an integer as
   * the kernel stores it (-1: no such test), `!`, and the probability as printed. (The probability
   * as a number is worked out from the integer when needed: a double field is a separate box in
   * V8's heap, one more cold read per rule.)
   */
  readonly randomStored: number;
  readonly randomNeg: boolean;
  readonly randomText: string;
  /** T_NONE, T_JUMP, T_GOTO or T_ACTION. */
  readonly targetKind: number;
  /** 0-based index in its chain. */
  readonly index: number;
  /** Name of its chain (so a step needs no read of the chain object). */
  readonly chainName: string;
  /** `formatRuleSave` text, made on first use. */
  text: string | null;
  /** Target name ('' without target). */
  readonly targetName: string;
  /** The last step this rule produced without notes, reused when the next one is the same. */
  lastStep: Step | null;
  /** The effect that step was made for (null: a rule without target). */
  lastEffect: StepEffect | null;
  /** Its skipped count and depth (kept here so a cold rule's check reads one object). */
  lastSkipped: number;
  lastDepth: number;
  /** First match test, or null (matches that always match are left out). */
  readonly match0: MatchTest | null;
  /**
   * The action's constant outcome (verdicts, DNAT to one address), taken without calling it:
   * its code ('' when the action must be called), effect and NAT binding, as flat fields.
   */
  readonly fixedCode: TargetCode | '';
  readonly fixedEffect: StepEffect | null;
  readonly fixedNat: NatBinding | null;
  /** Chain of a jump/goto. */
  targetChain: CompiledChain | null;
  /**
   * That chain's first rule and index (set once every chain is compiled), so entering it needs
   * no read of the chain object.
   */
  targetFirst: CompiledRule | null;
  targetIndex: ChainIndex<CompiledRule> | null;
  /** Step effect of a jump/goto. */
  readonly jumpEffect: StepEffect | null;
  /** Further match tests, or null. */
  readonly moreMatches: readonly MatchTest[] | null;
  /** Action of a verdict or extension target. */
  readonly action: TargetAction | null;
  /** The rule. */
  readonly rule: Rule;
}

export interface CompiledChain {
  /** Chain name. */
  readonly name: string;
  /** Policy of a built-in chain, null for a user chain. */
  readonly policy: Policy | null;
  /** Index for long chains, or null (every rule is tried). */
  index: ChainIndex<CompiledRule> | null;
  /** Rules in order. */
  readonly rules: CompiledRule[];
  /** The policy's counter. */
  readonly policySlot: PendingCounter;
  /** A built-in chain's steps when it has no rules (its policy decides); null for a user chain. */
  readonly policySteps: readonly Step[] | null;
  /** The last end-of-chain step of a user chain, reused when the next one is the same. */
  lastEnd: Step | null;
  /** The last policy step of a built-in chain, reused when the next one is the same. */
  lastPolicy: Step | null;
}

export interface CompiledTable {
  /** Table name. */
  readonly name: TableName;
  /** Chains by name. */
  readonly chains: ReadonlyMap<string, CompiledChain>;
  /** The built-in chains by name (a small map, looked up for every evaluation). */
  readonly builtins: ReadonlyMap<string, CompiledChain>;
}

export interface CompiledRuleset {
  /** Address family. */
  readonly family: IpFamily;
  /** The ruleset it was compiled from. */
  readonly ruleset: Ruleset;
  /** Compiled tables. */
  readonly tables: Readonly<Record<TableName, CompiledTable>>;
}

export interface CompileOptions {
  /** Chains with at least this many rules get an index (default 16). */
  readonly indexThreshold?: number;
}

/** The text of a compiled rule, as iptables-save prints it (cached). */
export function compiledRuleText(chain: string, r: CompiledRule): string {
  return (r.text ??= formatRuleSave(chain, r.rule));
}

type Compiled = Result<CompiledRule, string>;

function compileRule(
  rule: Rule,
  index: number,
  site: { readonly family: IpFamily; readonly table: TableName; readonly chain: string },
  chains: ReadonlyMap<string, CompiledChain>,
  key: RuleKey | undefined,
): Compiled {
  const tests: MatchTest[] = [];
  for (let m = 0; m < rule.matches.length; m++) {
    const test = compileMatch(rule.matches[m] as MatchCall, {
      ...site,
      ruleNumber: index + 1,
      matchIndex: m,
    });
    if (typeof test === 'string') return err(test);
    if (test !== ALWAYS && m !== key?.portMatch) tests.push(test);
  }
  const t = rule.target;
  let targetKind = T_NONE;
  let targetChain: CompiledChain | null = null;
  let jumpEffect: StepEffect | null = null;
  let action: TargetAction | null = null;
  if (t && t.kind === 'chain') {
    targetChain = chains.get(t.name) ?? null;
    if (!targetChain) return err(`jump to missing chain "${t.name}"`);
    targetKind = t.goto ? T_GOTO : T_JUMP;
    jumpEffect = { kind: t.goto ? 'goto' : 'jump', chain: t.name };
  } else if (t) {
    const compiled = compileTarget(t, site);
    if (typeof compiled === 'string') return err(compiled);
    targetKind = T_ACTION;
    action = compiled;
  }
  const h = compileHeader(rule);
  let header = h.header;
  if (key?.dst) header &= ~(H_DST | H_DST_NEG);
  if (key?.port) header &= ~(H_PROTO | H_PROTO_NEG);
  const random = tests.length === 1 ? ((tests[0] as MatchTest).random ?? null) : null;
  if (random) tests.length = 0;
  const fixed = action?.fixed ?? null;
  // Every field spelled out, in the interface's order: one object shape for all rules keeps the
  // hot loop monomorphic, and the fields a walk reads first share cache lines.
  return ok({
    header,
    next: null,
    dstNet: h.dstNet,
    dstMask: h.dstMask,
    srcNet: h.srcNet,
    srcMask: h.srcMask,
    proto: h.proto,
    randomStored: random ? Math.round(random.probability * TWO_31) : -1,
    randomNeg: random?.negated ?? false,
    randomText: random?.text ?? '',
    targetKind,
    index,
    chainName: site.chain,
    text: null,
    targetName: t?.name ?? '',
    pendingState: null,
    pendingPackets: 0,
    pendingBytes: 0,
    lastStep: null,
    lastEffect: null,
    lastSkipped: -1,
    lastDepth: -1,
    match0: tests[0] ?? null,
    fixedCode: fixed?.code ?? '',
    fixedEffect: fixed?.effect ?? null,
    fixedNat: fixed?.nat ?? null,
    targetChain,
    targetFirst: null,
    targetIndex: null,
    jumpEffect,
    moreMatches: tests.length > 1 ? tests.slice(1) : null,
    action,
    extra: h.extra,
    rule,
    counterKey: ruleCounterKey(site.table, site.chain, index + 1),
  });
}

function compileChain(
  chain: Chain,
  compiled: CompiledChain,
  site: { readonly family: IpFamily; readonly table: TableName },
  chains: ReadonlyMap<string, CompiledChain>,
  threshold: number,
): NetfilterError | null {
  const rules = chain.rules.map((e) => e.rule);
  const plan = planChainIndex(rules, site.family, threshold);
  const chainSite = { ...site, chain: chain.name };
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as Rule;
    const r = compileRule(rule, i, chainSite, chains, plan?.keys[i]);
    if (!r.ok) {
      const ruleText = formatRuleSave(chain.name, rule);
      return {
        message: r.error,
        table: site.table,
        chain: chain.name,
        ruleNumber: i + 1,
        ruleText,
      };
    }
    const previous = compiled.rules[i - 1];
    if (previous) previous.next = r.value;
    compiled.rules.push(r.value);
  }
  compiled.index = plan ? buildChainIndex(plan, compiled.rules) : null;
  return null;
}

/**
 * Compiles every table of `ruleset`; an error names the first rule with an unsupported module.
 *
 * @example
 * const compiled = compileRuleset(ruleset);
 * if (!compiled.ok) throw new Error(compiled.error.message);
 */
export function compileRuleset(
  ruleset: Ruleset,
  options: CompileOptions = {},
): Result<CompiledRuleset, NetfilterError> {
  const threshold = options.indexThreshold ?? 16;
  const family = ruleset.family;
  const tables = {} as Record<TableName, CompiledTable>;
  for (const table of TABLE_NAMES) {
    const chains = new Map<string, CompiledChain>();
    for (const c of ruleset.tables[table].chains.values()) {
      const policySlot: PendingCounter = {
        counterKey: policyCounterKey(table, c.name),
        pendingState: null,
        pendingPackets: 0,
        pendingBytes: 0,
      };
      const policySteps =
        c.policy === null ? null : Object.freeze([policyStep(table, c.name, c.policy, 0)]);
      chains.set(c.name, {
        name: c.name,
        policy: c.policy,
        index: null,
        rules: [],
        policySlot,
        policySteps,
        lastEnd: null,
        lastPolicy: null,
      });
    }
    for (const c of ruleset.tables[table].chains.values()) {
      const problem = compileChain(
        c,
        chains.get(c.name) as CompiledChain,
        { family, table },
        chains,
        threshold,
      );
      if (problem) return err(problem);
    }
    for (const c of chains.values()) {
      for (const r of c.rules) {
        if (r.targetChain === null) continue;
        r.targetIndex = r.targetChain.index;
        r.targetFirst = r.targetChain.rules[0] ?? null;
      }
    }
    const builtins = new Map([...chains].filter(([, c]) => c.policy !== null));
    tables[table] = { name: table, chains, builtins };
  }
  return ok({ family, ruleset, tables });
}
