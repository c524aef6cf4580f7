/**
 * What iptables-save prints for one restore-input rule line (`-A CHAIN spec`), without building
 * a Rule: how a large kube-proxy sync is printed (restore-save.ts).
 *
 * Why: printing 160,000 rules through parseRuleFast + formatRuleSave makes a Rule, its header
 * objects, addresses and match list per line only to print each once. Here a line's words are
 * found in place (no list of words), its shape (rule-shape.ts) picks the plan that prints it, and
 * only its values are printed per line: addresses, and module calls, which go through the module
 * itself (normalize, then formatCallSave, which renderSave prints too) once per distinct set of
 * values. Lines it cannot read this way (quotes with escapes, tabs, forms only the general parser
 * reads, errors) give null; the caller then parses them in full. save-rule-line.test.ts compares
 * it with parseRuleFast + formatRuleSave on every golden scenario, conformance case and random
 * rules.
 */
import type { IpFamily } from '../net/ip.ts';
import { formatRuleCidr, isPlainIpv4 } from './addresses.ts';
import type { GivenOption } from './extension.ts';
import { formatCallSave } from './format-rule.ts';
import type { TargetKind } from './rule.ts';
import { parseAddressMatch, parseInterfaceMatch } from './rule-header.ts';
import { isChainName, makePlan, type CallSlot, type HeaderSlot, type Plan } from './rule-shape.ts';
import { splitRuleLine } from './words.ts';

/** What saveRuleLine read besides the text: the chain, and what the target needs from the table. */
export interface RuleLineInfo {
  /** The chain the rule is appended to. */
  chain: string;
  /** Kind of the `-j` target; null for a rule without one. */
  targetKind: TargetKind | null;
  /** Name of the `-j` target (verdict, chain or extension); '' without one. */
  targetName: string;
}

/** Longest line (in words) read here; longer ones are left to the general parser. */
const MAX_WORDS = 64;

/** The words of the line being read: where each starts and ends (inside its quotes, if quoted). */
const start = new Int32Array(MAX_WORDS);
const end = new Int32Array(MAX_WORDS);
/** The same including the quotes. */
const rawStart = new Int32Array(MAX_WORDS);
const rawEnd = new Int32Array(MAX_WORDS);

/**
 * Finds the words of `line` as splitRuleLine splits it; -1 for a line it reads differently than
 * by spaces and plain `"…"` words (tabs, line breaks, escapes, quotes inside a word), or a long one.
 */
function findWords(line: string): number {
  // (Native searches: a loop over every character costs several times more.)
  if (line.includes('\t') || line.includes('\n') || line.includes('\r')) return -1;
  const quoted = line.includes('"');
  const n = line.length;
  let count = 0;
  let i = 0;
  for (;;) {
    while (line.charCodeAt(i) === 0x20) i++;
    if (i >= n) return count;
    if (count >= MAX_WORDS) return -1;
    rawStart[count] = i;
    if (quoted && line.charCodeAt(i) === 0x22) {
      const close = line.indexOf('"', i + 1);
      if (close < 0 || (close + 1 < n && line.charCodeAt(close + 1) !== 0x20)) return -1;
      if (line.lastIndexOf('\\', close) > i) return -1;
      start[count] = i + 1;
      end[count] = close;
      i = close + 1;
    } else {
      const space = line.indexOf(' ', i);
      const stop = space < 0 ? n : space;
      if (quoted && line.lastIndexOf('"', stop - 1) >= i) return -1; // a quote inside a word
      start[count] = i;
      end[count] = i = stop;
    }
    rawEnd[count++] = i;
  }
}

/** Whether word `i` of `line` is `text`. */
function wordIs(line: string, i: number, text: string): boolean {
  return end[i]! - start[i]! === text.length && line.startsWith(text, start[i]);
}

/** The text of word `i`. */
function word(line: string, i: number): string {
  return line.slice(start[i], end[i]);
}

/** Whether the line (its words found) has the plan's shape. */
function fits(line: string, count: number, family: IpFamily, plan: Plan): boolean {
  if (plan.length !== count || plan.family !== family) return false;
  const { kept, keptText, values } = plan;
  for (let k = 0; k < kept.length; k++) if (!wordIs(line, kept[k]!, keptText[k]!)) return false;
  for (let k = 0; k < values.length; k++) {
    // A value never looks like an option (else the line has another shape).
    const i = values[k]!;
    const c = line.charCodeAt(start[i]!);
    if (c === 0x2d || (c === 0x21 && end[i]! - start[i]! === 1)) return false;
  }
  return plan.chainAt < 0 || isChainName(word(line, plan.chainAt));
}

/** Plans of the shapes read so far. */
const PLANS: Plan[] = [];
const MAX_PLANS = 64;
/** The plan used last, and for each plan the one used after it last time (lines repeat a cycle). */
let lastPlan: Plan | null = null;
const nextPlan = new Map<Plan, Plan>();

/** The plan for the line, made from its words the first time its shape is seen. */
function planOf(line: string, count: number, family: IpFamily): Plan | null {
  const guess = lastPlan && nextPlan.get(lastPlan);
  let plan =
    guess && fits(line, count, family, guess)
      ? guess
      : PLANS.find((p) => fits(line, count, family, p));
  if (!plan) {
    const words = splitRuleLine(line);
    // (findWords must agree with splitRuleLine; a line where it does not is left to the parser.)
    if (words.length !== count || words.some((w, i) => w !== word(line, i))) return null;
    plan = makePlan(words, family);
    if (PLANS.length >= MAX_PLANS) {
      PLANS.length = 0;
      nextPlan.clear();
    }
    PLANS.push(plan);
  }
  if (lastPlan && plan !== guess) nextPlan.set(lastPlan, plan);
  lastPlan = plan;
  return plan;
}

/** A header option as iptables-save prints it; '' when it matches everything, null on an error. */
function headerText(line: string, slot: HeaderSlot, family: IpFamily): string | null {
  const { prefix, flag } = slot;
  // A plain IPv4 host (every address kube-proxy writes without a prefix) prints as `addr/32`.
  if (
    flag !== '-i' &&
    flag !== '-o' &&
    family === 4 &&
    isPlainIpv4(line, start[slot.at], end[slot.at])
  ) {
    return prefix + word(line, slot.at) + '/32';
  }
  const text = word(line, slot.at);
  if (flag === '-i' || flag === '-o') {
    const m = parseInterfaceMatch(text, slot.negated);
    if (typeof m === 'string') return null;
    return m ? prefix + m.name : '';
  }
  const m = parseAddressMatch(text, slot.negated, family);
  if (typeof m === 'string') return null;
  return m ? prefix + formatRuleCidr(m.cidr) : '';
}

const MAX_TEXTS = 4096;

/** The call's text for this line's values, through the module; null when it refuses them. */
function callText(line: string, call: CallSlot, family: IpFamily, plan: Plan): string | null {
  // The values' text as written identifies them: the plan fixes every other word in between.
  const key = call.from < 0 ? '' : line.slice(rawStart[call.from], rawEnd[call.to]);
  const { texts, last } = call;
  const known = texts ? texts.get(key) : last.key === key ? last.text : undefined;
  if (known !== undefined) return known;
  if (call.asGiven !== null) {
    const value = word(line, call.options[0]!.at[0]!);
    const ctx = { family, protocol: plan.protocol, index: 0 };
    if (call.ext.printsAsGiven!(call.options[0]!.name, value, ctx)) return call.asGiven + value;
  }
  const options: GivenOption[] = call.options.map((o) => ({
    name: o.name,
    negated: o.negated,
    values: o.at.map((i) => word(line, i)),
    index: o.index,
  }));
  const normalized = call.ext.normalize(options, { family, protocol: plan.protocol, index: 0 });
  if (!normalized.ok) return null;
  const text = formatCallSave(
    call.isTarget ? '-j' : '-m',
    call.ext,
    call.ext.name,
    normalized.value,
  );
  if (texts) {
    if (texts.size >= MAX_TEXTS) texts.clear();
    texts.set(key, text);
  } else {
    last.key = key;
    last.text = text;
  }
  return text;
}

/**
 * The line iptables-save prints for the restore line `line` (`-A CHAIN spec`), or null when the
 * line is not in the plain form (or is wrong): the caller then parses it in full. `info` (reused
 * by callers that read many lines) receives the chain and the target.
 */
export function saveRuleLine(
  line: string,
  family: IpFamily,
  info: RuleLineInfo = { chain: '', targetKind: null, targetName: '' },
): string | null {
  const count = findWords(line);
  if (count < 2 || !wordIs(line, 0, '-A') || line.charCodeAt(start[1]!) === 0x2d) return null;
  const plan = planOf(line, count, family);
  if (plan === null || !plan.ok) return null;
  const chain = word(line, 1);
  // iptables-save's order: the fixed header, then the matches in load order, then the target.
  let text = `-A ${chain}`;
  const { header, calls } = plan;
  for (let k = 0; k < header.length; k++) {
    const h = headerText(line, header[k]!, family);
    if (h === null) return null;
    text += h;
  }
  text += plan.proto;
  const { targetKind } = plan;
  const targetName = targetKind === 'chain' ? word(line, plan.chainAt) : plan.targetName;
  let target = targetKind === 'verdict' || targetKind === 'chain' ? ` -j ${targetName}` : '';
  for (let k = 0; k < calls.length; k++) {
    const call = calls[k]!;
    const t = callText(line, call, family, plan);
    if (t === null) return null;
    if (call.isTarget) target = ` ${t}`;
    else text += ` ${t}`;
  }
  info.chain = chain;
  info.targetKind = targetKind;
  info.targetName = targetName;
  return text + target;
}
