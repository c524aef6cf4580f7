/**
 * The shape of a match or target module. Each module declares its options and turns the options
 * the user gave into the canonical list iptables-save prints (values normalised, print order).
 */
import type { IpFamily } from '../net/ip.ts';
import type { Result, WordError } from './result.ts';
import type { ExtensionOption, ProtocolMatch } from './rule.ts';

/** One `--option` a module accepts. */
export interface OptionSpec {
  /** Canonical long name without dashes, as iptables-save prints it. */
  readonly name: string;
  /** Other spellings accepted on input (`destination-port` for `dport`). */
  readonly aliases?: readonly string[];
  /** Number of value words that follow the option. */
  readonly arity: 0 | 1 | 2;
  /** `!` may precede it. */
  readonly invertible?: boolean;
  /** The module refuses a rule without it. */
  readonly required?: boolean;
  /** Values go through iptables-save's quoting (comments, log prefixes). */
  readonly quoted?: boolean;
  /** iptables 1.8.9 prints two spaces before the value (nfacct's quirk). */
  readonly doubleSpace?: boolean;
}

/** An option as given on the command line, already resolved to its canonical name. */
export interface GivenOption {
  /** Canonical name (the spec's `name`). */
  readonly name: string;
  /** `!` given (before the option, or right after it in the old style). */
  readonly negated: boolean;
  /** The value words. */
  readonly values: readonly string[];
  /** Index of the `--option` word (for errors). */
  readonly index: number;
}

/** What a module may look at besides its own options. */
export interface ExtensionContext {
  /** ip (4) or ip6 (6) tables. */
  readonly family: IpFamily;
  /** The rule's `-p`, if any. */
  readonly protocol: ProtocolMatch | undefined;
  /** Index of the `-m`/`-j` word that loaded the module (for errors about the module as a whole). */
  readonly index: number;
}

export type NormalizeResult = Result<readonly ExtensionOption[], WordError>;

/** A match (`-m name`) or target (`-j NAME`) module. */
export interface Extension {
  /** Module name as written after `-m` / `-j`. */
  readonly name: string;
  /** The options it owns. */
  readonly options: readonly OptionSpec[];
  /** Its calls usually differ from rule to rule (comments, NAT addresses): not worth sharing. */
  readonly distinct?: boolean;
  /** Canonical options from the given ones (duplicates and required options are checked before). */
  readonly normalize: (given: readonly GivenOption[], ctx: ExtensionContext) => NormalizeResult;
  /**
   * Whether a call giving just `--name value` normalises to exactly that option and value, so it
   * prints as given: lets a printer skip normalize for the values a module mostly sees (optional).
   */
  readonly printsAsGiven?: (name: string, value: string, ctx: ExtensionContext) => boolean;
}

/** The given option named `name`, if present. */
export function given(options: readonly GivenOption[], name: string): GivenOption | undefined {
  for (const o of options) if (o.name === name) return o;
  return undefined;
}

const TABLES = new WeakMap<Extension, ReadonlyMap<string, OptionSpec>>();

/** The module's options by `--name` and `--alias` (the first spec wins a clash), built once. */
export function longOptions(ext: Extension): ReadonlyMap<string, OptionSpec> {
  let table = TABLES.get(ext);
  if (!table) {
    const byName = new Map<string, OptionSpec>();
    for (const spec of ext.options) {
      for (const n of [spec.name, ...(spec.aliases ?? [])]) {
        if (!byName.has(`--${n}`)) byName.set(`--${n}`, spec);
      }
    }
    table = byName;
    TABLES.set(ext, table);
  }
  return table;
}

/** A canonical option. */
export function option(
  name: string,
  values: readonly string[] = [],
  negated = false,
): ExtensionOption {
  return { name, negated, values };
}

/** The first value of a given option (modules call it only for options of arity ≥ 1). */
export function value(o: GivenOption, i = 0): string {
  return o.values[i] ?? '';
}

/**
 * Checks that the rule's `-p` is one of `protocols` and not negated; `what` names the module in
 * the error, which follows the kernel's log line ("tcp match: only valid for protocol 6").
 */
export function requireProtocol(
  ctx: ExtensionContext,
  protocols: readonly number[],
  what: string,
): WordError | null {
  const p = ctx.protocol;
  if (p && !p.negated && protocols.includes(p.number)) return null;
  return { index: ctx.index, message: `${what}: only valid for protocol ${protocols.join('/')}` };
}
