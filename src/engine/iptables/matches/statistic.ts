/** `-m statistic`: `--mode random --probability p` or `--mode nth --every n [--packet p]`. */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { formatProbability, parseProbability, parseUint } from '../numbers.ts';
import { ok, wordError } from '../result.ts';
import type { MatchCall } from '../rule.ts';

export const statisticMatch: Extension = {
  name: 'statistic',
  options: [
    { name: 'mode', arity: 1, required: true },
    { name: 'probability', arity: 1, invertible: true },
    { name: 'every', arity: 1, invertible: true },
    { name: 'packet', arity: 1 },
  ],
  normalize(options, ctx) {
    const mode = given(options, 'mode');
    const probability = given(options, 'probability');
    const every = given(options, 'every');
    const packet = given(options, 'packet');
    const modeName = mode ? value(mode) : '';
    if (mode && modeName !== 'random' && modeName !== 'nth') {
      return wordError(mode.index + 1, `Bad mode "${modeName}"`);
    }
    if (probability && (every || packet)) {
      const other = (every ?? packet) as typeof probability;
      return wordError(
        Math.max(probability.index, other.index),
        `statistic: "--probability" and "--${other.name}" cannot be used together`,
      );
    }
    if (modeName === 'random') {
      if (!probability) {
        return wordError(ctx.index, '--probability must be specified when using random mode');
      }
      const stored = parseProbability(value(probability));
      if (stored === null) {
        return wordError(probability.index + 1, `Value "${value(probability)}" out of range`);
      }
      const p = option('probability', [formatProbability(stored)], probability.negated);
      return ok([option('mode', ['random']), p]);
    }
    if (!every && !packet) {
      return wordError(ctx.index, '--every and --packet must be specified when using nth mode');
    }
    const n = every ? parseUint(value(every), 1) : 1;
    if (every && n === null) return wordError(every.index + 1, `Bad value "${value(every)}"`);
    const start = packet ? parseUint(value(packet)) : 0;
    if (packet && start === null)
      return wordError(packet.index + 1, `Bad value "${value(packet)}"`);
    if (n === null || start === null) return wordError(ctx.index, 'statistic: bad nth values');
    if (start > n - 1) {
      return wordError(packet?.index ?? ctx.index, 'the --packet p must be 0 <= p <= n-1');
    }
    return ok([
      option('mode', ['nth']),
      option('every', [String(n)], every?.negated ?? false),
      option('packet', [String(start)]),
    ]);
  },
};

/**
 * The probability the kernel uses for a `--mode random` match (stored/2³¹, exact), or null for
 * other matches. The printed 11 decimals identify the stored integer uniquely.
 */
export function statisticProbability(match: MatchCall): number | null {
  if (match.name !== 'statistic') return null;
  const p = match.options.find((o) => o.name === 'probability');
  const stored = p ? parseProbability(p.values[0] ?? '') : null;
  return stored === null ? null : stored / 0x80000000;
}
