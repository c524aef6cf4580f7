/**
 * Prints a rule: `formatRuleSave` exactly as iptables-save does, `ruleArgs` as argument words that
 * parse back to the same rule, `formatRuleRestore` as a restore-input line.
 */
import type { Extension, OptionSpec } from './extension.ts';
import { formatRuleCidr } from './addresses.ts';
import { protocolName } from './protocols.ts';
import { MATCHES, TARGETS } from './registry.ts';
import type { AddressMatch, ExtensionOption, InterfaceMatch, Rule } from './rule.ts';
import { quoteSaveString, quoteWord } from './words.ts';

/** A word and whether iptables-save passes it through its quoting. */
interface Piece {
  readonly text: string;
  readonly quoted?: boolean;
  /** Two spaces before it (nfacct). */
  readonly wide?: boolean;
}

function neg(negated: boolean): Piece[] {
  return negated ? [{ text: '!' }] : [];
}

function addr(flag: string, m: AddressMatch | undefined): Piece[] {
  return m ? [...neg(m.negated), { text: flag }, { text: formatRuleCidr(m.cidr) }] : [];
}

function iface(flag: string, m: InterfaceMatch | undefined): Piece[] {
  return m ? [...neg(m.negated), { text: flag }, { text: m.name }] : [];
}

function specOf(ext: Extension | undefined, name: string): OptionSpec | undefined {
  return ext?.options.find((s) => s.name === name);
}

function options(ext: Extension | undefined, list: readonly ExtensionOption[]): Piece[] {
  return list.flatMap((o) => {
    const spec = specOf(ext, o.name);
    const values = o.values.map((v, i) => ({
      text: v,
      quoted: !!spec?.quoted,
      wide: i === 0 && !!spec?.doubleSpace,
    }));
    return [...neg(o.negated), { text: `--${o.name}` }, ...values];
  });
}

/** The rule as pieces in iptables-save order (without `-A CHAIN`). */
function pieces(rule: Rule): Piece[] {
  const out: Piece[] = [
    ...addr('-s', rule.src),
    ...addr('-d', rule.dst),
    ...iface('-i', rule.inIface),
    ...iface('-o', rule.outIface),
  ];
  if (rule.proto) {
    out.push(...neg(rule.proto.negated), { text: '-p' }, { text: protocolName(rule.proto.number) });
  }
  if (rule.fragment) out.push(...neg(rule.fragment.negated), { text: '-f' });
  for (const m of rule.matches) {
    out.push({ text: '-m' }, { text: m.name }, ...options(MATCHES.get(m.name), m.options));
  }
  const t = rule.target;
  if (t) {
    out.push({ text: t.goto ? '-g' : '-j' }, { text: t.name });
    out.push(...options(TARGETS.get(t.name), t.options));
  }
  return out;
}

/** The `-A CHAIN …` line iptables-save prints for this rule. */
export function formatRuleSave(chain: string, rule: Rule): string {
  let line = `-A ${chain}`;
  for (const p of pieces(rule)) {
    line += `${p.wide ? '  ' : ' '}${p.quoted ? quoteSaveString(p.text) : p.text}`;
  }
  return line;
}

/** The rule as argument words (canonical order, unquoted): parseRuleArgs gives the same rule back. */
export function ruleArgs(rule: Rule): string[] {
  return pieces(rule).map((p) => p.text);
}

/** A restore-input line `-A CHAIN …` in canonical order, quoted for iptables-restore. */
export function formatRuleRestore(chain: string, rule: Rule): string {
  return ['-A', quoteWord(chain), ...ruleArgs(rule).map(quoteWord)].join(' ');
}
