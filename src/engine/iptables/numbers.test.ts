import { describe, expect, test } from 'vitest';
import {
  formatHex,
  formatProbability,
  parseProbability,
  parseUint,
  parseValueMask,
} from './numbers.ts';

describe('parseUint (strtoul, base 0)', () => {
  test.each([
    ['80', 80],
    ['0x4000', 0x4000],
    ['0X1f', 31],
    ['010', 8],
    ['0', 0],
    ['+7', 7],
    ['4294967295', 0xffffffff],
  ])('%s → %d', (text, n) => expect(parseUint(text)).toBe(n));

  test.each(['', '-1', '08', '0x', '1.5', 'abc', '4294967296', ' 1'])('rejects %j', (text) => {
    expect(parseUint(text)).toBeNull();
  });

  test('respects bounds', () => {
    expect(parseUint('0', 1)).toBeNull();
    expect(parseUint('65536', 0, 65535)).toBeNull();
  });
});

test('formatHex and parseValueMask', () => {
  expect(formatHex(0x00004000)).toBe('0x4000');
  expect(formatHex(0)).toBe('0x0');
  expect(parseValueMask('0x00004000/0x00004000')).toEqual({ value: 0x4000, mask: 0x4000 });
  expect(parseValueMask('0x1')).toEqual({ value: 1, mask: 0xffffffff });
  expect(parseValueMask('0x1/')).toBeNull();
});

/** kube-proxy writes 1/n with Go's %0.10f. */
function kubeProxyProbability(n: number): string {
  return (1 / n).toFixed(10);
}

describe('statistic probability: stored as round(p·2³¹), printed with 11 decimals', () => {
  // kube-proxy-iptables.md §9, the whole table.
  test.each([
    [2, '0.5000000000', '0.50000000000'],
    [3, '0.3333333333', '0.33333333349'],
    [4, '0.2500000000', '0.25000000000'],
    [5, '0.2000000000', '0.20000000019'],
    [6, '0.1666666667', '0.16666666651'],
    [7, '0.1428571429', '0.14285714272'],
    [8, '0.1250000000', '0.12500000000'],
    [9, '0.1111111111', '0.11111111101'],
    [10, '0.1000000000', '0.10000000009'],
    [1000, '0.0010000000', '0.00100000016'],
  ])('1/%d: %s → %s', (n, input, printed) => {
    expect(kubeProxyProbability(n)).toBe(input);
    const stored = parseProbability(input);
    expect(stored).not.toBeNull();
    expect(formatProbability(stored as number)).toBe(printed);
  });

  test('bounds and edge values', () => {
    expect(formatProbability(parseProbability('1') as number)).toBe('1.00000000000');
    expect(formatProbability(parseProbability('0') as number)).toBe('0.00000000000');
    expect(parseProbability('1.5')).toBeNull();
    expect(parseProbability('-0.1')).toBeNull();
    expect(parseProbability('abc')).toBeNull();
  });

  test('matches an independent %.11f for every kube-proxy endpoint count up to 20000', () => {
    const ties: number[] = [];
    for (let n = 1; n <= 20000; n++) {
      const stored = parseProbability(kubeProxyProbability(n)) as number;
      expect(stored).toBe(Math.round(Number(kubeProxyProbability(n)) * 2 ** 31));
      // toFixed rounds exact ties up, glibc to even; a tie needs stored = odd multiple of 2^19.
      if (stored % 2 ** 19 === 0 && (stored / 2 ** 19) % 2 === 1) ties.push(n);
      else expect(formatProbability(stored)).toBe((stored / 2 ** 31).toFixed(11));
    }
    expect(ties).toEqual([4096]);
  });

  test('an exact tie at the 12th decimal rounds half to even, like glibc printf', () => {
    // kube-proxy's 1/4096 (0.0002441406) is stored as 2^19, i.e. 0.000244140625 exactly:
    // %.11f gives 0.00024414062 (2 is even).
    expect(parseProbability(kubeProxyProbability(4096))).toBe(2 ** 19);
    expect(formatProbability(2 ** 19)).toBe('0.00024414062');
    // 3/4096 = 0.000732421875 → 0.00073242188 (7 is odd, so up).
    expect(formatProbability(3 * 2 ** 19)).toBe('0.00073242188');
  });
});
