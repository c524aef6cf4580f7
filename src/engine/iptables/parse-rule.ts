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
import { parseUint } from './numbers.ts';
import { MATCHES, protocolMatch, TARGETS, UNSUPPORTED_TARGETS, VERDICTS } from './registry.ts';
import type { Result, WordError } from './result.ts';
import { err, ok, wordError } from './result.ts';
import type { Rule, TargetKind } from './rule.ts';
import type { Builder, ParsedRuleSpec } from './rule-finish.ts';
import { finish, newBuilder, NO_OPTIONS } from './rule-finish.ts';
import { jumpCall } from './shared-calls.ts';
import type { CoreOption } from './rule-header.ts';
import {
  INVERTIBLE_CORE,
  parseAddressMatch,
  parseInterfaceMatch,
  parseProtocolMatch,
} from './rule-header.ts';

export type { ParsedRuleSpec } from './rule-finish.ts';

/** Parses a rule specification; the `-c` counters, if given, are dropped (see parseRuleSpec). */
export function parseRuleArgs(words: readonly string[], family: IpFamily): Result<Rule, WordError> {
  const parsed = parseRuleSpec(words, family);
  return parsed.ok ? ok(parsed.value.rule) : parsed;
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

/** Parses a rule specification and its optional `-c PACKETS BYTES`. */
export function parseRuleSpec(
  words: readonly string[],
  family: IpFamily,
): Result<ParsedRuleSpec, WordError> {
  const b = newBuilder(family);
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
  b.target =
    kind === 'extension' || isGoto
      ? { kind, name, goto: isGoto, options: NO_OPTIONS }
      : jumpCall(kind, name);
  return null;
}

function coreArity(core: CoreOption): 0 | 1 | 2 {
  if (core === 'frag') return 0;
  return core === 'counters' ? 2 : 1;
}
