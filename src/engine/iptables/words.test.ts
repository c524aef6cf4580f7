import { describe, expect, test } from 'vitest';
import { quoteSaveString, quoteWord, splitRuleLine } from './words.ts';

describe('splitRuleLine', () => {
  test.each([
    ['-A X -j ACCEPT', ['-A', 'X', '-j', 'ACCEPT']],
    ['  -A\tX   -j ACCEPT  ', ['-A', 'X', '-j', 'ACCEPT']],
    [
      '--comment "ns1/svc1:p80 cluster IP" -j X',
      ['--comment', 'ns1/svc1:p80 cluster IP', '-j', 'X'],
    ],
    ['--comment ""', ['--comment', '']],
    ['--comment "say \\"hi\\" \\\\ there"', ['--comment', 'say "hi" \\ there']],
    ['--comment "it\\\'s"', ['--comment', "it's"]],
    ['--comment "ab"cd', ['--comment', 'ab', 'cd']],
    ['a\\b', ['a\\b']],
    ['"unterminated x', ['unterminated x']],
  ])('%j', (line, words) => {
    expect(splitRuleLine(line)).toEqual(words);
  });
});

describe('quoteSaveString (xtables_save_string)', () => {
  test.each([
    ['ns1_svc-1', 'ns1_svc-1'],
    ['ns1/svc1:p80', '"ns1/svc1:p80"'],
    ['a b', '"a b"'],
    ['', '""'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ["NOTE: '-j KUBE-FORWARD'", '"NOTE: \\\'-j KUBE-FORWARD\\\'"'],
  ])('%j → %s', (value, printed) => {
    expect(quoteSaveString(value)).toBe(printed);
  });

  test('what iptables-save quotes, iptables-restore reads back', () => {
    for (const v of ['a b', 'x"y', 'x\\y', "it's", '', 'ns/x:80 -> 10.0.0.1:80']) {
      expect(splitRuleLine(`--comment ${quoteSaveString(v)}`)).toEqual(['--comment', v]);
      expect(splitRuleLine(`--comment ${quoteWord(v)}`)).toEqual(['--comment', v]);
    }
  });
});
