import { describe, expect, test } from 'vitest';
import { textChange } from './text-change.ts';

const apply = (text: string, c: ReturnType<typeof textChange>) =>
  c ? text.slice(0, c.from) + c.insert + text.slice(c.to) : text;

describe('textChange', () => {
  test('only the changed part: replicas 3 → 4', () => {
    const before = 'spec:\n  replicas: 3\n  selector: {}\n';
    const after = before.replace('3', '4');
    const at = before.indexOf('3');
    expect(textChange(before, after)).toEqual({ from: at, to: at + 1, insert: '4' });
  });

  test('equal texts need no change; anything else replays exactly', () => {
    expect(textChange('abc', 'abc')).toBeNull();
    for (const [a, b] of [
      ['', 'x'],
      ['x', ''],
      ['aaa', 'aa'],
      ['abab', 'ab'],
      ['replicas: 3', 'replicas: 10'],
      ['kind: A', 'something else entirely'],
    ] as const)
      expect(apply(a, textChange(a, b))).toBe(b);
  });
});
