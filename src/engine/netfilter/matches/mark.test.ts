import { describe, expect, it } from 'vitest';
import { ruleMatches } from '../test-fixtures.ts';

const p = { src: '10.44.0.2', dst: '10.96.0.10', proto: 'tcp', dport: 80 } as const;

describe('mark match', () => {
  it('compares (mark & mask) with the value', () => {
    expect(ruleMatches('-m mark --mark 0x4000/0x4000', { ...p, mark: 0x4000 })).toBe(true);
    expect(ruleMatches('-m mark --mark 0x4000/0x4000', { ...p, mark: 0x4001 })).toBe(true);
    expect(ruleMatches('-m mark --mark 0x4000/0x4000', { ...p, mark: 0x1 })).toBe(false);
    expect(ruleMatches('-m mark ! --mark 0x4000/0x4000', { ...p, mark: 0 })).toBe(true);
    expect(ruleMatches('-m mark ! --mark 0x4000/0x4000', { ...p, mark: 0xc000 })).toBe(false);
    expect(ruleMatches('-m mark --mark 0x1', { ...p, mark: 0x1 })).toBe(true);
    expect(ruleMatches('-m mark --mark 0x1', { ...p, mark: 0x4001 })).toBe(false);
    expect(ruleMatches('-m mark --mark 0x40000/0x40000', { ...p, mark: 0xffffffff })).toBe(true);
    expect(ruleMatches('-m mark --mark 0x80000000/0x80000000', { ...p, mark: 0x80000000 })).toBe(
      true,
    );
  });
});
