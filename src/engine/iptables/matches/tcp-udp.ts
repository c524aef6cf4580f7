/**
 * The port options common to the tcp, udp and sctp matches (`--sport`/`--dport` and their long
 * aliases). tcp and udp print a port option only when it is not 0:65535; sctp prints what was given.
 */
import type { GivenOption, OptionSpec } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import type { Result, WordError } from '../result.ts';
import { ok, wordError } from '../result.ts';
import type { ExtensionOption } from '../rule.ts';
import { formatPortRange, isFullRange, parsePortRange } from './ports.ts';

export const PORT_OPTIONS: readonly OptionSpec[] = [
  { name: 'sport', aliases: ['source-port'], arity: 1, invertible: true },
  { name: 'dport', aliases: ['destination-port'], arity: 1, invertible: true },
];

/** Canonical `--sport`/`--dport` options; `always` keeps full ranges (sctp). */
export function normalizePorts(
  options: readonly GivenOption[],
  always: boolean,
): Result<ExtensionOption[], WordError> {
  const out: ExtensionOption[] = [];
  for (const name of ['sport', 'dport']) {
    const o = given(options, name);
    if (!o) continue;
    const range = parsePortRange(value(o));
    if (typeof range === 'string') return wordError(o.index, range);
    if (always || !isFullRange(range)) out.push(option(name, [formatPortRange(range)], o.negated));
  }
  return ok(out);
}
