/** `-j LOG`: kernel log with prefix, syslog level (printed as a number unless 4) and flags. */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { parseUint } from '../numbers.ts';
import { ok, wordError } from '../result.ts';
import type { ExtensionOption } from '../rule.ts';

const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];
const LEVEL_ALIASES: Readonly<Record<string, number>> = { panic: 0, error: 3, warn: 4 };
const FLAGS = ['log-tcp-sequence', 'log-tcp-options', 'log-ip-options', 'log-uid', 'log-macdecode'];

function parseLevel(text: string): number | null {
  const index = LEVELS.indexOf(text);
  if (index >= 0) return index;
  return LEVEL_ALIASES[text] ?? parseUint(text, 0, 7);
}

export const logTarget: Extension = {
  name: 'LOG',
  options: [
    { name: 'log-level', arity: 1 },
    { name: 'log-prefix', arity: 1, quoted: true },
    ...FLAGS.map((name) => ({ name, arity: 0 as const })),
  ],
  normalize(options) {
    const out: ExtensionOption[] = [];
    const prefix = given(options, 'log-prefix');
    if (prefix) {
      const text = value(prefix);
      if (text.length > 29) {
        return wordError(prefix.index + 1, 'Maximum prefix length 29 for --log-prefix');
      }
      if (text.includes('\n'))
        return wordError(prefix.index + 1, 'Newlines not allowed in --log-prefix');
      if (text.length === 0)
        return wordError(prefix.index + 1, 'No prefix specified for --log-prefix');
      out.push(option('log-prefix', [text]));
    }
    const level = given(options, 'log-level');
    if (level) {
      const n = parseLevel(value(level));
      if (n === null) return wordError(level.index + 1, `log-level "${value(level)}" unknown`);
      if (n !== 4) out.push(option('log-level', [String(n)]));
    }
    for (const flag of FLAGS) if (given(options, flag)) out.push(option(flag));
    return ok(out);
  },
};
