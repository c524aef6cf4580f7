import { describe, expect, it } from 'vitest';
import { ruleMatches } from '../test-fixtures.ts';

const dns = { src: '10.44.0.2', dst: '10.96.0.10', proto: 'udp', sport: 53211, dport: 53 } as const;

describe('udp match', () => {
  it('matches ports and ranges, with negation', () => {
    expect(ruleMatches('-p udp --dport 53', dns)).toBe(true);
    expect(ruleMatches('-p udp --dport 54', dns)).toBe(false);
    expect(ruleMatches('-p udp ! --dport 54', dns)).toBe(true);
    expect(ruleMatches('-p udp --sport 50000:60000', dns)).toBe(true);
    expect(ruleMatches('-p udp ! --sport 50000:60000', dns)).toBe(false);
    expect(ruleMatches('-p udp -m udp', dns)).toBe(true);
  });

  it('does not match TCP (the -p header fails first)', () => {
    expect(ruleMatches('-p udp --dport 53', { ...dns, proto: 'tcp' })).toBe(false);
  });
});
