/**
 * A fast path for parse-rule.ts, for the rule specifications kube-proxy and the CNIs write:
 * `[!] -s/-d/-p VALUE`, `-m MODULE`, `-j TARGET` and module options spelled out in full.
 *
 * Why: a first kube-proxy sync loads hundreds of thousands of rule lines, and the general parser
 * is built for everything iptables accepts (abbreviated options, `--opt=value`, `--opt ! value`,
 * matches loaded implicitly by `-p`, `-g`, `-c`, long core options), with a resolution step per
 * word. This reads only the plain forms and returns null for anything else, including every
 * error, so the caller runs the general parser, which then gives the rule or the exact error.
 * What it does read it records exactly as the general parser does, and the same `finish`
 * normalises it, so both give equal rules; parse-rule-fast.test.ts checks that on every golden
 * scenario and conformance case.
 */
import type { IpFamily } from '../net/ip.ts';
import { given, longOptions } from './extension.ts';
import type { Loaded } from './option-lookup.ts';
import { MATCHES, TARGETS, UNSUPPORTED_TARGETS, VERDICTS } from './registry.ts';
import type { Rule } from './rule.ts';
import { CORE_OPTIONS, parseAddressMatch, parseProtocolMatch } from './rule-header.ts';
import { finish, newBuilder, NO_OPTIONS } from './rule-finish.ts';
import { jumpCall } from './shared-calls.ts';

/** The module option `word` names, looked up like the general parser: newest module first. */
function moduleOption(word: string, loaded: readonly Loaded[]) {
  for (let k = loaded.length - 1; k >= 0; k--) {
    const l = loaded[k]!;
    const spec = longOptions(l.ext).get(word);
    if (spec) return { l, spec };
  }
  return null;
}

/** The rule `words[from…]` specifies, or null when the general parser has to read it. */
export function parseRuleFast(
  words: readonly string[],
  from: number,
  family: IpFamily,
): Rule | null {
  const b = newBuilder(family);
  let negated = false;
  let haveSrc = false;
  let haveDst = false;
  let haveProto = false;
  for (let i = from; i < words.length;) {
    const word = words[i]!;
    const value = words[i + 1];
    if (word === '!') {
      if (negated) return null;
      negated = true;
      i++;
      continue;
    }
    if (word === '-s' || word === '-d') {
      if (value === undefined || value === '!' || (word === '-s' ? haveSrc : haveDst)) return null;
      const m = parseAddressMatch(value, negated, family);
      if (typeof m === 'string') return null;
      if (word === '-s') {
        haveSrc = true;
        if (m) b.header.src = m;
      } else {
        haveDst = true;
        if (m) b.header.dst = m;
      }
    } else if (word === '-p') {
      if (value === undefined || value === '!' || haveProto) return null;
      const m = parseProtocolMatch(value, negated);
      if (typeof m === 'string') return null;
      haveProto = true;
      if (m) b.header.proto = m;
    } else if (word === '-m') {
      const ext = value === undefined ? undefined : MATCHES.get(value);
      if (!ext || negated) return null;
      b.loaded.push({ ext, isTarget: false, index: i - from, given: [] });
    } else if (word === '-j') {
      if (value === undefined || value === '' || b.target || negated) return null;
      if (UNSUPPORTED_TARGETS.has(value)) return null;
      const ext = TARGETS.get(value);
      if (ext) b.loaded.push({ ext, isTarget: true, index: i - from, given: [] });
      b.target = ext
        ? { kind: 'extension', name: value, goto: false, options: NO_OPTIONS }
        : jumpCall(VERDICTS.has(value) ? 'verdict' : 'chain', value);
    } else {
      // A module's option, spelled out: `--dport 80`, `! --mark 0x4000/0x4000`, `--set`.
      const long = word.startsWith('--') && !CORE_OPTIONS.has(word);
      const found = long ? moduleOption(word, b.loaded) : null;
      if (!found) return null;
      const { l, spec } = found;
      if ((negated && !spec.invertible) || given(l.given, spec.name)) return null;
      let values: string[];
      if (spec.arity === 0) values = [];
      else if (value === undefined || (spec.invertible && value === '!')) return null;
      else if (spec.arity === 1) values = [value];
      else {
        const second = words[i + 2];
        if (second === undefined || second.startsWith('-') || second === '!') return null;
        values = [value, second];
      }
      l.given.push({ name: spec.name, negated, values, index: i - from });
      negated = false;
      i += 1 + spec.arity;
      continue;
    }
    negated = false;
    i += 2;
  }
  if (negated) return null;
  const done = finish(b);
  return done.ok ? done.value.rule : null;
}
