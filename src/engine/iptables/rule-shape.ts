/**
 * The shape of a rule line (which word is an option of which module, and where iptables-save puts
 * it) and the plan that prints every line of that shape: save-rule-line.ts reads the structure of
 * a line once per shape instead of once per line.
 *
 * A line's shape is its number of words and its kept words: option words, `!`, and the names
 * after `-m`, `-j` and `-p` (a `-j` chain's name only as "some chain"); the other words are
 * values. Lines of one shape read alike: every choice the reader makes depends on kept words
 * only, since a value never looks like an option (the plan checks that). makePlan reads the
 * plain forms parseRuleFast reads, with its refusals, plus `-i`/`-o` as the general parser reads
 * them.
 */
import type { IpFamily } from '../net/ip.ts';
import type { Extension, OptionSpec } from './extension.ts';
import { longOptions } from './extension.ts';
import { protocolName } from './protocols.ts';
import { MATCHES, TARGETS, UNSUPPORTED_TARGETS, VERDICTS } from './registry.ts';
import type { ProtocolMatch, TargetKind } from './rule.ts';
import { parseProtocolMatch } from './rule-header.ts';

/** `-s`, `-d`, `-i` or `-o` of a plan: where its value is. */
export interface HeaderSlot {
  /** The option (`-s`…). */
  readonly flag: '-s' | '-d' | '-i' | '-o';
  /** `!` given. */
  readonly negated: boolean;
  /** Index of the value word. */
  readonly at: number;
  /** What iptables-save prints before the value: ` -s `, ` ! -d `… */
  readonly prefix: string;
}

/** One option given to a module, by where its values are. */
export interface OptionSlot {
  /** Canonical option name. */
  readonly name: string;
  /** `!` given. */
  readonly negated: boolean;
  /** Index of the option word (GivenOption.index, counted from the spec as parseRuleFast does). */
  readonly index: number;
  /** Indices of its value words. */
  readonly at: readonly number[];
}

/** A module call of a plan. */
export interface CallSlot {
  readonly ext: Extension;
  readonly isTarget: boolean;
  readonly options: readonly OptionSlot[];
  /** First and last value word of the call (their text keys `texts`), -1 without values. */
  readonly from: number;
  readonly to: number;
  /** The call's text by its values' text, for calls that repeat (not `distinct` modules). */
  readonly texts: Map<string, string> | null;
  /** The last values' text and the call's text for them (`distinct` calls repeat in runs). */
  readonly last: { key: string | null; text: string };
  /**
   * For a call of one option with one value that the module may print as given
   * (Extension.printsAsGiven): the text before the value, e.g. `-j DNAT --to-destination `.
   */
  readonly asGiven: string | null;
}

/** How every line of one shape is printed; `ok` false for a shape that is not in the plain form. */
export interface Plan {
  /** iptables or ip6tables (module calls may depend on it). */
  readonly family: IpFamily;
  /** Words in the line. */
  readonly length: number;
  /** Kept words by index, and their text (a `-j` chain's name is checked apart: chainAt). */
  readonly kept: readonly number[];
  readonly keptText: readonly string[];
  /** Indices of the value words. */
  readonly values: readonly number[];
  /** Index of the name of a `-j` chain, -1 for none. */
  readonly chainAt: number;
  readonly ok: boolean;
  /** Header slots in iptables-save's order (`-s -d -i -o`). */
  readonly header: readonly HeaderSlot[];
  /** ` -p tcp`, ` ! -p udp` or ''. */
  readonly proto: string;
  /** The protocol module calls see. */
  readonly protocol: ProtocolMatch | undefined;
  /** Matches in load order, then an extension target. */
  readonly calls: readonly CallSlot[];
  readonly targetKind: TargetKind | null;
  /** Name of a verdict or extension target; '' for a chain (its name is the word at chainAt). */
  readonly targetName: string;
}

/** Whether `-j NAME` jumps to a chain: the chain's name then does not change how a line reads. */
export function isChainName(name: string): boolean {
  return name !== '' && !TARGETS.has(name) && !VERDICTS.has(name) && !UNSUPPORTED_TARGETS.has(name);
}

/** Whether a word is kept in the shape (see the file comment); `after` is the word before it. */
function isKept(word: string, after: string | undefined): boolean {
  return after === '-m' || after === '-j' || after === '-p' || word === '!' || word.startsWith('-');
}

/** The module option `word` names, looked up like the general parser: newest module first. */
function moduleOption(word: string, calls: readonly Draft[]): [Draft, OptionSpec] | null {
  for (let k = calls.length - 1; k >= 0; k--) {
    const c = calls[k]!;
    const spec = longOptions(c.ext).get(word);
    if (spec) return [c, spec];
  }
  return null;
}

/** A module call while a plan is made. */
interface Draft {
  readonly ext: Extension;
  readonly isTarget: boolean;
  readonly options: OptionSlot[];
}

/** See CallSlot.asGiven. */
function asGivenPrefix(c: Draft): string | null {
  const [o, more] = c.options;
  if (!o || more || o.negated || o.at.length !== 1 || !c.ext.printsAsGiven) return null;
  const spec = c.ext.options.find((s) => s.name === o.name);
  if (!spec || spec.quoted || spec.doubleSpace) return null;
  return `${c.isTarget ? '-j' : '-m'} ${c.ext.name} --${o.name} `;
}

/** What the words of a plan are: checked for every line before the plan prints it. */
type Shape = Pick<Plan, 'family' | 'length' | 'kept' | 'keptText' | 'values' | 'chainAt'>;

function shapeOf(words: readonly string[], family: IpFamily): Shape {
  const kept: number[] = [];
  const keptText: string[] = [];
  const values: number[] = [];
  let chainAt = -1;
  for (let i = 2; i < words.length; i++) {
    const w = words[i]!;
    if (!isKept(w, words[i - 1])) values.push(i);
    else if (words[i - 1] === '-j' && isChainName(w)) chainAt = i;
    else {
      kept.push(i);
      keptText.push(w);
    }
  }
  return { family, length: words.length, kept, keptText, values, chainAt };
}

const NOT_PLAIN = {
  ok: false,
  header: [],
  proto: '',
  protocol: undefined,
  calls: [],
  targetKind: null,
  targetName: '',
} as const;

/** The plan for the shape of `words` (`['-A', CHAIN, …spec]`, as splitRuleLine gives them). */
export function makePlan(words: readonly string[], family: IpFamily): Plan {
  const shape = shapeOf(words, family);
  const read = readStructure(words);
  if (!read) return { ...shape, ...NOT_PLAIN };
  // The reader's values must be exactly the words the shape left as values.
  const isValue = new Set(read.valueAt);
  if (isValue.size !== shape.values.length || shape.values.some((i) => !isValue.has(i))) {
    return { ...shape, ...NOT_PLAIN };
  }
  return { ...shape, ...read.plan };
}

/**
 * Reads a line's structure the way parseRuleFast does (the same plain forms, the same refusals),
 * plus `-i`/`-o` as the general parser reads them; null where parseRuleFast would give up or a
 * required option is missing.
 */
function readStructure(words: readonly string[]) {
  const valueAt: number[] = [];
  const header: Partial<Record<HeaderSlot['flag'], HeaderSlot>> = {};
  const calls: Draft[] = [];
  let negated = false;
  let protoSeen = false;
  let protocol: ProtocolMatch | undefined;
  let targetKind: TargetKind | null = null;
  let targetName = '';
  for (let i = 2; i < words.length;) {
    const word = words[i]!;
    const value = words[i + 1];
    if (word === '!') {
      if (negated) return null;
      negated = true;
      i++;
      continue;
    }
    if (word === '-s' || word === '-d' || word === '-i' || word === '-o') {
      if (value === undefined || value === '!' || header[word]) return null;
      header[word] = { flag: word, negated, at: i + 1, prefix: `${negated ? ' !' : ''} ${word} ` };
      valueAt.push(i + 1);
    } else if (word === '-p') {
      if (value === undefined || value === '!' || protoSeen) return null;
      const m = parseProtocolMatch(value, negated);
      if (typeof m === 'string') return null;
      protoSeen = true;
      protocol = m ?? undefined;
    } else if (word === '-m') {
      const ext = value === undefined ? undefined : MATCHES.get(value);
      if (!ext || negated) return null;
      calls.push({ ext, isTarget: false, options: [] });
    } else if (word === '-j') {
      if (value === undefined || value === '' || targetKind !== null || negated) return null;
      if (UNSUPPORTED_TARGETS.has(value)) return null;
      const ext = TARGETS.get(value);
      if (ext) calls.push({ ext, isTarget: true, options: [] });
      targetKind = ext ? 'extension' : VERDICTS.has(value) ? 'verdict' : 'chain';
      targetName = targetKind === 'chain' ? '' : value;
    } else {
      // A module's option, spelled out: `--dport 80`, `! --mark 0x4000/0x4000`, `--set`.
      const found = word.startsWith('--') ? moduleOption(word, calls) : null;
      if (!found) return null;
      const [c, spec] = found;
      if ((negated && !spec.invertible) || c.options.some((o) => o.name === spec.name)) return null;
      if (spec.arity > 0 && (value === undefined || (spec.invertible && value === '!'))) {
        return null;
      }
      if (spec.arity === 2) {
        const second = words[i + 2];
        if (second === undefined || second.startsWith('-') || second === '!') return null;
      }
      const at: number[] = [];
      for (let k = 1; k <= spec.arity; k++) at.push(i + k);
      valueAt.push(...at);
      c.options.push({ name: spec.name, negated, index: i - 2, at });
      negated = false;
      i += 1 + spec.arity;
      continue;
    }
    negated = false;
    i += 2;
  }
  if (negated) return null;
  for (const c of calls) {
    for (const spec of c.ext.options) {
      if (spec.required && !c.options.some((o) => o.name === spec.name)) return null;
    }
  }
  const order = ['-s', '-d', '-i', '-o'] as const;
  const plan = {
    ok: true,
    header: order.map((f) => header[f]).filter((h) => h !== undefined),
    proto: protocol ? `${protocol.negated ? ' !' : ''} -p ${protocolName(protocol.number)}` : '',
    protocol,
    calls: calls.map((c): CallSlot => {
      const at = c.options.flatMap((o) => o.at);
      return {
        ...c,
        from: at.length > 0 ? Math.min(...at) : -1,
        to: at.length > 0 ? Math.max(...at) : -1,
        texts: c.ext.distinct ? null : new Map(),
        last: { key: null, text: '' },
        asGiven: asGivenPrefix(c),
      };
    }),
    targetKind,
    targetName,
  };
  return { plan, valueAt };
}
