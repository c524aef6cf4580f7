/**
 * Prints a rule: `formatRuleSave` exactly as iptables-save does, `ruleArgs` as argument words that
 * parse back to the same rule, `formatRuleRestore` as a restore-input line. One walk over the rule
 * (`addRuleWords`) serves all three, so they always agree on the order.
 */
import type { Extension, OptionSpec } from './extension.ts';
import { formatRuleCidr } from './addresses.ts';
import { protocolName } from './protocols.ts';
import { MATCHES, TARGETS } from './registry.ts';
import type { AddressMatch, ExtensionOption, InterfaceMatch, Rule } from './rule.ts';
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
  for (const m of rule.matches) {
    out.push('-m', m.name);
    addOptions(out, MATCHES.get(m.name), m.options, save);
  }
  const t = rule.target;
  if (t) {
    out.push(t.goto ? '-g' : '-j', t.name);
    addOptions(out, TARGETS.get(t.name), t.options, save);
  }
}

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
