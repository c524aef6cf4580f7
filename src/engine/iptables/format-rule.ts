/**
 * Prints a rule: `formatRuleSave` exactly as iptables-save does, `ruleArgs` as argument words that
 * parse back to the same rule, `formatRuleRestore` as a restore-input line. One walk over the rule
 * (`addRuleWords`) serves all three, so they always agree on the order.
 */
import type { Extension, OptionSpec } from './extension.ts';
import { formatRuleCidr } from './addresses.ts';
import { protocolName } from './protocols.ts';
import { MATCHES, TARGETS } from './registry.ts';
import type {
  AddressMatch,
  ExtensionOption,
  InterfaceMatch,
  MatchCall,
  Rule,
  TargetCall,
} from './rule.ts';
import { quoteSaveString, quoteWord } from './words.ts';

function addAddress(out: string[], flag: string, m: AddressMatch | undefined): void {
  if (!m) return;
  if (m.negated) out.push('!');
  out.push(flag, formatRuleCidr(m.cidr));
}

function addInterface(out: string[], flag: string, m: InterfaceMatch | undefined): void {
  if (!m) return;
  if (m.negated) out.push('!');
  out.push(flag, m.name);
}

function specOf(ext: Extension | undefined, name: string): OptionSpec | undefined {
  if (ext) for (const spec of ext.options) if (spec.name === name) return spec;
  return undefined;
}

/**
 * Option words; for iptables-save (`save`) values the module marks `quoted` go through its quoting
 * and a `doubleSpace` value gets an extra leading space (nfacct), so joining with ' ' prints it.
 */
function addOptions(
  out: string[],
  ext: Extension | undefined,
  list: readonly ExtensionOption[],
  save: boolean,
): void {
  for (const o of list) {
    if (o.negated) out.push('!');
    out.push(`--${o.name}`);
    const spec = save ? specOf(ext, o.name) : undefined;
    for (let i = 0; i < o.values.length; i++) {
      const v = o.values[i] as string;
      const text = spec?.quoted ? quoteSaveString(v) : v;
      out.push(i === 0 && spec?.doubleSpace ? ` ${text}` : text);
    }
  }
}

/** Appends the rule's words in iptables-save order (without `-A CHAIN`). */
function addRuleWords(out: string[], rule: Rule, save: boolean): void {
  addHeaderWords(out, rule);
  for (const m of rule.matches) addCall(out, '-m', MATCHES.get(m.name), m, save);
  const t = rule.target;
  if (t) addCall(out, t.goto ? '-g' : '-j', TARGETS.get(t.name), t, save);
}

/** `-m NAME options…` / `-j NAME options…`; for iptables-save as one word (see callText). */
function addCall(
  out: string[],
  flag: string,
  ext: Extension | undefined,
  call: MatchCall | TargetCall,
  save: boolean,
): void {
  if (save) {
    out.push(callText(flag, ext, call));
    return;
  }
  out.push(flag, call.name);
  addOptions(out, ext, call.options, false);
}

/** The header words of a rule (`-s -d -i -o -p -f`) in iptables-save order. */
function addHeaderWords(out: string[], rule: Rule): void {
  addAddress(out, '-s', rule.src);
  addAddress(out, '-d', rule.dst);
  addInterface(out, '-i', rule.inIface);
  addInterface(out, '-o', rule.outIface);
  if (rule.proto) {
    if (rule.proto.negated) out.push('!');
    out.push('-p', protocolName(rule.proto.number));
  }
  if (rule.fragment) {
    if (rule.fragment.negated) out.push('!');
    out.push('-f');
  }
}

/**
 * iptables-save text of shared module calls (`-m tcp --dport 80`, `-m statistic …`): rules share
 * these call objects (shared-calls.ts), so each is printed once. Distinct modules' calls are
 * rarely shared and are printed every time.
 */
const SAVE_TEXT = new WeakMap<MatchCall | TargetCall, string>();

/** `-m NAME options…` or `-j NAME options…` as iptables-save prints it, joined by spaces. */
function callText(flag: string, ext: Extension | undefined, call: MatchCall | TargetCall) {
  // Consecutive rules mostly repeat a call: compare with the last few before the WeakMap.
  for (let i = 0; i < RECENT.length; i += 2) if (RECENT[i] === call) return RECENT[i + 1] as string;
  const shared = ext !== undefined && !ext.distinct;
  let text = shared ? SAVE_TEXT.get(call) : undefined;
  if (text === undefined) {
    text = formatCallSave(flag, ext, call.name, call.options);
    if (shared) SAVE_TEXT.set(call, text);
  }
  RECENT[recentSlot] = call;
  RECENT[recentSlot + 1] = text;
  recentSlot = (recentSlot + 2) % 8;
  return text;
}

/** A call of module `name` with these canonical options, as iptables-save prints it. */
export function formatCallSave(
  flag: string,
  ext: Extension | undefined,
  name: string,
  options: readonly ExtensionOption[],
): string {
  const words = [flag, name];
  addOptions(words, ext, options, true);
  return words.join(' ');
}

/** The last four calls printed and their text, in pairs (distinct ones too: they repeat in runs). */
const RECENT: (MatchCall | TargetCall | string | undefined)[] = new Array(8).fill(undefined);
let recentSlot = 0;

/** The `-A CHAIN …` line iptables-save prints for this rule. */
export function formatRuleSave(chain: string, rule: Rule): string {
  const out = ['-A', chain];
  addRuleWords(out, rule, true);
  return out.join(' ');
}

/** The rule as argument words (canonical order, unquoted): parseRuleArgs gives the same rule back. */
export function ruleArgs(rule: Rule): string[] {
  const out: string[] = [];
  addRuleWords(out, rule, false);
  return out;
}

/** A restore-input line `-A CHAIN …` in canonical order, quoted for iptables-restore. */
export function formatRuleRestore(chain: string, rule: Rule): string {
  return ['-A', quoteWord(chain), ...ruleArgs(rule).map(quoteWord)].join(' ');
}
