import { describe, expect, test } from 'vitest';
import { grep, grepMatch } from './grep.ts';

const LINES = [
  '-A KUBE-SERVICES -d 10.100.100.100/32 -p tcp -j KUBE-SVC-KUSV3H3OUX7H3MDQ',
  '-A KUBE-SVC-KUSV3H3OUX7H3MDQ -j KUBE-SEP-L7WI7M2YKMCGI5ZA',
  '-N KUBE-SVC-KUSV3H3OUX7H3MDQ',
  '-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -j KUBE-SVC-NPX46M4PTMTKRN6Y',
];

describe('grep', () => {
  test('a plain substring, like the article’s `grep 10.100.100.100`', () => {
    expect(grep(LINES, '10.100.100.100', (l) => l)).toEqual([LINES[0]]);
    expect(grep(LINES, 'KUBE-SVC-KUSV3H3OUX7H3MDQ', (l) => l)).toEqual(LINES.slice(0, 3));
  });

  test('dots are dots, not "any character" (grep -F)', () => {
    expect(grepMatch('10x100.100.100', '10.100')).toBe(false);
  });

  test('case-sensitive, as grep is without -i', () => {
    expect(grep(LINES, 'kube-svc', (l) => l)).toEqual([]);
  });

  test('an empty pattern keeps everything (the same array)', () => {
    expect(grep(LINES, '', (l) => l)).toBe(LINES);
  });
});
