import { describe, expect, it } from 'vitest';
import { ruleMatches } from '../test-fixtures.ts';

const sctp = {
  src: '10.44.0.2',
  dst: '10.96.0.20',
  proto: 'sctp',
  sport: 5000,
  dport: 3868,
} as const;

describe('sctp match', () => {
  it('matches ports and ranges, with negation', () => {
    expect(ruleMatches('-p sctp --dport 3868', sctp)).toBe(true);
    expect(ruleMatches('-p sctp --dport 3869', sctp)).toBe(false);
    expect(ruleMatches('-p sctp ! --dport 3869', sctp)).toBe(true);
    expect(ruleMatches('-p sctp --sport 4000:6000', sctp)).toBe(true);
    expect(ruleMatches('-p sctp --dport 0:65535', sctp)).toBe(true);
  });
});
