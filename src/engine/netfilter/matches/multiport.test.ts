import { describe, expect, it } from 'vitest';
import { ruleMatches } from '../test-fixtures.ts';

const p = { src: '10.44.0.2', dst: '10.96.0.10', proto: 'tcp', sport: 40000, dport: 443 } as const;

describe('multiport match', () => {
  it('matches any listed port or range', () => {
    expect(ruleMatches('-p tcp -m multiport --dports 80,443', p)).toBe(true);
    expect(ruleMatches('-p tcp -m multiport --dports 80,8000:9000', p)).toBe(false);
    expect(ruleMatches('-p tcp -m multiport --dports 80,400:500', p)).toBe(true);
    expect(ruleMatches('-p tcp -m multiport ! --dports 80,443', p)).toBe(false);
    expect(ruleMatches('-p tcp -m multiport ! --dports 80,8443', p)).toBe(true);
  });

  it('--sports looks at the source, --ports at either side', () => {
    expect(ruleMatches('-p tcp -m multiport --sports 443', p)).toBe(false);
    expect(ruleMatches('-p tcp -m multiport --sports 30000:50000', p)).toBe(true);
    expect(ruleMatches('-p tcp -m multiport --ports 40000', p)).toBe(true);
    expect(ruleMatches('-p tcp -m multiport --ports 443', p)).toBe(true);
    expect(ruleMatches('-p tcp -m multiport --ports 22', p)).toBe(false);
  });

  it('never matches a non-first fragment', () => {
    expect(ruleMatches('-p tcp -m multiport --dports 443', { ...p, fragment: true })).toBe(false);
  });
});
