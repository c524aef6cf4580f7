/**
 * Reads a rule specification (the words after `-A CHAIN`) the way iptables does: core options,
 * `-m` modules with their options, the target with its options, `!` before an option (or the old
 * form right after it), and the protocol match loaded implicitly for an option like `--dport`.
 */
import type { IpFamily } from '../net/ip.ts';
import type { OptionSpec } from './extension.ts';
import { given } from './extension.ts';
import type { Loaded } from './option-lookup.ts';
import { resolveOption } from './option-lookup.ts';
import { moduleCall, onlyMatch } from './shared-calls.ts';
import { parseUint } from './numbers.ts';
import { MATCHES, protocolMatch, TARGETS, UNSUPPORTED_TARGETS, VERDICTS } from './registry.ts';
import type { Result, WordError } from './result.ts';
import { err, ok, wordError } from './result.ts';
import type { Counters, ExtensionOption, MatchCall, Rule, TargetCall, TargetKind } from './rule.ts';
import type { CoreOption } from './rule-header.ts';
import {
  INVERTIBLE_CORE,
  parseAddressMatch,
  parseInterfaceMatch,
  parseProtocolMatch,
} from './rule-header.ts';

/** A rule and the `-c PACKETS BYTES` counters given with it, if any. */
export interface ParsedRuleSpec {
  /** The rule. */
  readonly rule: Rule;
  /** Counters from `-c`/`--set-counters`. */
  readonly counters: Counters | null;
}

/** Parses a rule specification; the `-c` counters, if given, are dropped (see parseRuleSpec). */
export function parseRuleArgs(words: readonly string[], family: IpFamily): Result<Rule, WordError> {
  const parsed = parseRuleSpec(words, family);
  return parsed.ok ? ok(parsed.value.rule) : parsed;
}

/** What has been read so far. */
interface Builder {
  /** ip or ip6 tables. */
  readonly family: IpFamily;
  /** The fixed part of the rule (`-s -d -i -o -p -f`). */
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

/** One option word with its values, resolved. */
interface Occurrence {
  /** The option as written (`-s`, `--dport`). */
  readonly name: string;
  /** Index of the option word. */
  readonly index: number;
  /** Index of its last value word. */
  readonly last: number;
  /** The value words. */
  readonly values: readonly string[];
  /** `!` given. */
  readonly negated: boolean;
}

/** The options of a verdict or chain target: none, shared by all such rules. */
const NO_OPTIONS: readonly ExtensionOption[] = Object.freeze([]);
/** The matches of a rule without any. */
const NO_MATCHES: readonly MatchCall[] = Object.freeze([]);

/** Parses a rule specification and its optional `-c PACKETS BYTES`. */
export function parseRuleSpec(
  words: readonly string[],
  family: IpFamily,
): Result<ParsedRuleSpec, WordError> {
  const b: Builder = {
    family,
    header: {},
    seen: [],
    loaded: [],
    target: null,
    counters: null,
    protocolLoaded: false,
  };
  let negate: number | null = null;
  for (let i = 0; i < words.length;) {
    const word = words[i] as string;
    if (word === '!') {
      if (negate !== null) return wordError(i, 'multiple consecutive ! not allowed');
      negate = i++;
      continue;
    }
    if (!word.startsWith('-') || word === '-' || word === '--') {
      return wordError(i, `Bad argument \`${word}'`);
    }
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const name = eq > 0 ? word.slice(0, eq) : word;
    const inline = eq > 0 ? word.slice(eq + 1) : undefined;
    const resolved = resolveOption(name, b.loaded);
    if (resolved && 'ambiguous' in resolved) return wordError(i, `option '${name}' is ambiguous`);
    if (!resolved) {
      const proto = b.header.proto;
      const implicit = proto && !b.protocolLoaded ? protocolMatch(proto.number, family) : undefined;
      if (!implicit) return wordError(i, `unknown option "${word}"`);
      b.protocolLoaded = true;
      b.loaded.push({ ext: implicit, isTarget: false, index: i, given: [] });
      continue; // read the same word again, now that the protocol's match is loaded
    }

    // Values: inline `--opt=value`, or the following words after an old-style `--opt !`.
    const arity = 'core' in resolved ? coreArity(resolved.core) : resolved.spec.arity;
    const invertible =
      'core' in resolved ? INVERTIBLE_CORE.has(resolved.core) : !!resolved.spec.invertible;
    let next = i + 1;
    let negated = negate !== null;
    if (arity > 0 && inline === undefined && invertible && words[next] === '!') {
      if (negated) return wordError(next, "Multiple `!' flags not allowed");
      negated = true;
      next++;
    }
    const values: string[] = inline === undefined ? [] : [inline];
    while (values.length < arity) {
      const v = words[next];
      if (v === undefined || (values.length > 0 && (v.startsWith('-') || v === '!'))) {
        const what = arity === 2 ? 'two arguments' : 'an argument';
        return wordError(i, `option "${name}" requires ${what}`);
      }
      values.push(v);
      next++;
    }
    if (negated && !invertible) {
      const what =
        'core' in resolved
          ? `"${name}"`
          : `${resolved.loaded.ext.name}: option "--${resolved.spec.name}"`;
      return wordError(negate ?? i, `${what} cannot be inverted`);
    }
    negate = null;
    const at: Occurrence = { name, index: i, last: next - 1, values, negated };
    const problem =
      'core' in resolved
        ? readCore(b, resolved.core, at)
        : addGiven(resolved.loaded, resolved.spec, at);
    if (problem) return err(problem);
    i = next;
  }
  if (negate !== null) return wordError(negate, "dangling `!'");
  return finish(b);
}

function addGiven(l: Loaded, spec: OptionSpec, at: Occurrence): WordError | null {
  if (given(l.given, spec.name)) {
    return {
      index: at.index,
      message: `${l.ext.name}: "--${spec.name}" option may only be specified once`,
    };
  }
  l.given.push({ name: spec.name, negated: at.negated, values: at.values, index: at.index });
  return null;
}

function fail(index: number, message: string): WordError {
  return { index, message };
}

/** Applies one core option (`-s`, `-p`, `-m`, `-j`, `-c`…). */
function readCore(b: Builder, core: CoreOption, at: Occurrence): WordError | null {
  const value = at.values[0] ?? '';
  if (core !== 'match' && b.seen.includes(core)) {
    return fail(at.index, `multiple ${core === 'goto' ? '-j' : at.name} flags not allowed`);
  }
  b.seen.push(core);
  if (core === 'goto' || core === 'jump') b.seen.push(core === 'goto' ? 'jump' : 'goto');
  switch (core) {
    case 'src':
    case 'dst': {
      const m = parseAddressMatch(value, at.negated, b.family);
      if (typeof m === 'string') return fail(at.last, m);
      if (m) b.header[core] = m;
      return null;
    }
    case 'in':
    case 'out': {
      const m = parseInterfaceMatch(value, at.negated);
      if (typeof m === 'string') return fail(at.last, m);
      if (m) b.header[core === 'in' ? 'inIface' : 'outIface'] = m;
      return null;
    }
    case 'proto': {
      const m = parseProtocolMatch(value, at.negated);
      if (typeof m === 'string') return fail(at.last, m);
      if (m) b.header.proto = m;
      return null;
    }
    case 'frag':
      if (b.family === 6) return fail(at.index, `unknown option "${at.name}"`);
      b.header.fragment = { negated: at.negated };
      return null;
    case 'match': {
      const ext = MATCHES.get(value);
      if (!ext) return fail(at.last, `Couldn't load match \`${value}':No such file or directory`);
      b.loaded.push({ ext, isTarget: false, index: at.index, given: [] });
      return null;
    }
    case 'jump':
    case 'goto':
      return readTarget(b, value, core === 'goto', at);
    case 'counters': {
      const packets = parseUint(value, 0, Number.MAX_SAFE_INTEGER);
      const bytes = parseUint(at.values[1] ?? '', 0, Number.MAX_SAFE_INTEGER);
      if (packets === null) return fail(at.index + 1, '-c packet counter not numeric');
      if (bytes === null) return fail(at.index + 2, '-c byte counter not numeric');
      b.counters = { packets, bytes };
      return null;
    }
  }
}

/** `-j NAME` / `-g CHAIN`: a verdict, an extension (its options become known), or a chain. */
function readTarget(b: Builder, name: string, isGoto: boolean, at: Occurrence): WordError | null {
  const ext = TARGETS.get(name);
  if (name === '') return { index: at.last, message: 'target name missing' };
  if (isGoto && (ext || VERDICTS.has(name) || UNSUPPORTED_TARGETS.has(name))) {
    return { index: at.last, message: `goto '${name}' is not a chain` };
  }
  if (UNSUPPORTED_TARGETS.has(name)) {
    return { index: at.last, message: `Couldn't load target \`${name}': not modelled` };
  }
  if (ext) b.loaded.push({ ext, isTarget: true, index: at.index, given: [] });
  const kind: TargetKind = ext ? 'extension' : VERDICTS.has(name) ? 'verdict' : 'chain';
  b.target = { kind, name, goto: isGoto, options: NO_OPTIONS };
  return null;
}

/** Checks required options and lets each module normalise its options. */
function finish(b: Builder): Result<ParsedRuleSpec, WordError> {
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

/** The list to keep: shared when empty or a single shared call, else an exact-size copy. */
function matchList(matches: MatchCall[]): readonly MatchCall[] {
  if (matches.length === 0) return NO_MATCHES;
  if (matches.length === 1) return onlyMatch(matches[0] as MatchCall);
  return matches.slice(); // a list built by push keeps room for more
}

/** The first required option of the module that was not given. */
function missingOption(l: Loaded): OptionSpec | undefined {
  for (const spec of l.ext.options) if (spec.required && !given(l.given, spec.name)) return spec;
  return undefined;
}

function coreArity(core: CoreOption): 0 | 1 | 2 {
  if (core === 'frag') return 0;
  return core === 'counters' ? 2 : 1;
}
