/**
 * `-m statistic`. Random mode: the kernel matches when a 31-bit random number is below the stored
 * probability (round(p·2³¹)), i.e. `rng() < stored / 2³¹`; every try draws once. Nth mode: a
 * per-rule counter starting at `--packet` wraps at `--every`; the packet that wraps it matches.
 */
import { parseProbability } from '../../iptables/numbers.ts';
import type { MatchEvaluator, RandomDraw } from '../match-evaluator.ts';
import { optionOf, unknownOption } from '../match-evaluator.ts';
import type { Run } from '../run.ts';
import { addNote } from '../run.ts';

const TWO_31 = 0x80000000;

export const statisticEvaluator: MatchEvaluator = {
  name: 'statistic',
  pure: false,
  compile(call, site) {
    const bad = unknownOption(call, ['mode', 'probability', 'every', 'packet']);
    if (bad) return bad;
    const mode = optionOf(call, 'mode')?.values[0];
    if (mode === 'random') {
      const option = optionOf(call, 'probability');
      const text = option?.values[0] ?? '';
      const stored = parseProbability(text);
      if (stored === null) return `match "statistic": bad --probability "${text}"`;
      const probability = stored / TWO_31;
      const negated = option?.negated ?? false;
      const random: RandomDraw = { probability, text, negated };
      const test = (run: Run) => {
        const draw = run.ctx.rng();
        const taken = draw < probability !== negated;
        addNote(run, { kind: 'random', probability, probabilityText: text, draw, taken });
        return taken;
      };
      return Object.assign(test, { random });
    }
    if (mode === 'nth') {
      const every = optionOf(call, 'every');
      const n = Number(every?.values[0]);
      const start = Number(optionOf(call, 'packet')?.values[0] ?? '0');
      if (!Number.isInteger(n) || n < 1 || !Number.isInteger(start)) {
        return 'match "statistic": bad --every/--packet';
      }
      const negated = every?.negated ?? false;
      const key = `${site.table}/${site.chain}/${site.ruleNumber}/${site.matchIndex}`;
      return (run) => {
        const count = run.state.nth.get(key) ?? start;
        const next = count === n - 1 ? 0 : count + 1;
        run.state.nth.set(key, next);
        const taken = (next === 0) !== negated;
        addNote(run, { kind: 'nth', every: n, counter: next, taken });
        return taken;
      };
    }
    return `match "statistic": mode "${mode ?? ''}" is not supported`;
  },
};
