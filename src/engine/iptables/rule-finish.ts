/**
 * The end of reading a rule specification, shared by the general parser (parse-rule.ts) and its
 * fast path (parse-rule-fast.ts): what has been read so far, and how it becomes a Rule.
 */
import type { IpFamily } from '../net/ip.ts';
import type { OptionSpec } from './extension.ts';
import { given } from './extension.ts';
import type { Loaded } from './option-lookup.ts';
import type { Result, WordError } from './result.ts';
import { ok, wordError } from './result.ts';
import { moduleCall, onlyMatch } from './shared-calls.ts';
export { NO_OPTIONS } from './shared-calls.ts';
import type { Counters, MatchCall, Rule, TargetCall } from './rule.ts';
import type { CoreOption } from './rule-header.ts';

/** A rule and the `-c PACKETS BYTES` counters given with it, if any. */
export interface ParsedRuleSpec {
  /** The rule. */
  readonly rule: Rule;
  /** Counters from `-c`/`--set-counters`. */
  readonly counters: Counters | null;
}

/** What has been read so far. */
export interface Builder {
  /** ip or ip6 tables. */
  readonly family: IpFamily;
  /** The fixed part of the rule (`-s -d -i -o -p -f`), keys in the order they were given. */
  readonly header: { -readonly [K in keyof Rule]?: Rule[K] };
  /** Core options already given (each may appear once; a handful, so a list). */
  readonly seen: CoreOption[];
  /** Matches and the extension target, in load order. */
  readonly loaded: Loaded[];
  /** The `-j`/`-g` target, if given (an extension's options are filled in by finish). */
  target: TargetCall | null;
  /** `-c PACKETS BYTES`, if given. */
  counters: Counters | null;
  /** The protocol's match was loaded implicitly (iptables does that at most once). */
  protocolLoaded: boolean;
}

export function newBuilder(family: IpFamily): Builder {
  return {
    family,
    header: {},
    seen: [],
    loaded: [],
    target: null,
    counters: null,
    protocolLoaded: false,
  };
}

/** The matches of a rule without any. */
const NO_MATCHES: readonly MatchCall[] = Object.freeze([]);

/** Checks required options and lets each module normalise its options. */
export function finish(b: Builder): Result<ParsedRuleSpec, WordError> {
  const matches: MatchCall[] = [];
  let target: TargetCall | null = null;
  for (const l of b.loaded) {
    const missing = missingOption(l);
    if (missing) {
      return wordError(l.index, `${l.ext.name}: option "--${missing.name}" must be specified`);
    }
    const call = moduleCall(l, { family: b.family, protocol: b.header.proto, index: l.index });
    if (!call.ok) return call;
    if ('kind' in call.value) target = call.value;
    else matches.push(call.value);
  }
  if (b.target && b.target.kind !== 'extension') target = b.target;
  const rule = b.header; // the header keys first, like `{ ...header, matches, target }`
  rule.matches = matchList(matches);
  rule.target = target;
  return ok({ rule: rule as Rule, counters: b.counters });
}

/** The last list matchList kept: consecutive rules often have the very same calls. */
let lastList: readonly MatchCall[] = NO_MATCHES;

/**
 * The list to keep: shared when empty, a single shared call or the last list again, else an
 * exact-size copy.
 */
function matchList(matches: MatchCall[]): readonly MatchCall[] {
  if (matches.length === 0) return NO_MATCHES;
  const alone = matches.length === 1 ? onlyMatch(matches[0] as MatchCall) : undefined;
  if (alone) return alone;
  if (sameCalls(lastList, matches)) return lastList;
  lastList = matches.slice(); // a list built by push keeps room for more
  return lastList;
}

function sameCalls(a: readonly MatchCall[], b: readonly MatchCall[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The first required option of the module that was not given. */
function missingOption(l: Loaded): OptionSpec | undefined {
  for (const spec of l.ext.options) if (spec.required && !given(l.given, spec.name)) return spec;
  return undefined;
}
