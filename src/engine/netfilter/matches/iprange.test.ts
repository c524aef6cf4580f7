import { describe, expect, it } from 'vitest';
import { ruleMatches } from '../test-fixtures.ts';

const p = { src: '10.44.0.2', dst: '10.96.0.10', proto: 'tcp', dport: 80 } as const;

describe('iprange match', () => {
  it('matches inclusive source and destination ranges, with negation', () => {
    expect(ruleMatches('-m iprange --src-range 10.44.0.1-10.44.0.9', p)).toBe(true);
    expect(ruleMatches('-m iprange --src-range 10.44.0.2-10.44.0.2', p)).toBe(true);
    expect(ruleMatches('-m iprange --src-range 10.44.0.3-10.44.0.9', p)).toBe(false);
    expect(ruleMatches('-m iprange ! --src-range 10.44.0.3-10.44.0.9', p)).toBe(true);
    expect(ruleMatches('-m iprange --dst-range 10.96.0.0-10.96.255.255', p)).toBe(true);
    expect(
      ruleMatches('-m iprange --src-range 10.44.0.1-10.44.0.9 ! --dst-range 10.96.0.10', p),
    ).toBe(false);
  });

  it('works for IPv6', () => {
    const v6 = { src: 'fd00::5', dst: 'fd00::a', proto: 'tcp', dport: 80 } as const;
    expect(ruleMatches('-m iprange --src-range fd00::1-fd00::9', v6, {}, 6)).toBe(true);
    expect(ruleMatches('-m iprange --dst-range fd00::1-fd00::9', v6, {}, 6)).toBe(false);
  });
});
