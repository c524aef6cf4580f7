import { expect, test } from 'vitest';
import { parseRuleArgs } from '../parse-rule.ts';
import { splitRuleLine } from '../words.ts';
import { statisticProbability } from './statistic.ts';

function firstMatch(args: string) {
  const r = parseRuleArgs(splitRuleLine(args), 4);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.matches[0];
}

test('statisticProbability gives the kernel value: kube-proxy 1/3 is stored as round(0.3333333333·2³¹)', () => {
  const m = firstMatch('-m statistic --mode random --probability 0.3333333333');
  expect(m && statisticProbability(m)).toBe(715827883 / 2 ** 31);
  const again = firstMatch('-m statistic --mode random --probability 0.33333333349');
  expect(again && statisticProbability(again)).toBe(715827883 / 2 ** 31);
});

test('statisticProbability is null for nth mode and other matches', () => {
  const nth = firstMatch('-m statistic --mode nth --every 2');
  const comment = firstMatch('-m comment --comment x');
  expect(nth && statisticProbability(nth)).toBeNull();
  expect(comment && statisticProbability(comment)).toBeNull();
});

test('nth mode errors', () => {
  const err = (args: string) => {
    const r = parseRuleArgs(splitRuleLine(args), 4);
    return r.ok ? null : r.error.message;
  };
  expect(err('-m statistic --mode nth')).toBe(
    '--every and --packet must be specified when using nth mode',
  );
  expect(err('-m statistic --mode nth --every 2 --packet 2')).toBe(
    'the --packet p must be 0 <= p <= n-1',
  );
  expect(err('-m statistic --mode nth --every 0')).toBe('Bad value "0"');
  expect(err('-m statistic --mode odd --every 2')).toBe('Bad mode "odd"');
});
