import { describe, expect, it } from 'vitest';
import { oneRuleRuleset, evaluateBoth, ruleMatches } from '../test-fixtures.ts';
import { makePacket } from '../packet.ts';

const p = { src: '10.32.0.7', dst: '10.44.0.2', proto: 'tcp', dport: 80 } as const;
const sets = {
  ipsets: { 'weave-local': ['10.44.0.0/14'], 'weave-pods': ['10.32.0.7', '10.32.0.8'] },
};

describe('set match', () => {
  it('looks the source or destination up in the ipset, with negation', () => {
    expect(ruleMatches('-m set --match-set weave-local dst', p, sets)).toBe(true);
    expect(ruleMatches('-m set --match-set weave-local src', p, sets)).toBe(false);
    expect(ruleMatches('-m set --match-set weave-pods src', p, sets)).toBe(true);
    expect(ruleMatches('-m set ! --match-set weave-pods src', p, sets)).toBe(false);
    expect(ruleMatches('-m set ! --match-set weave-local src', p, sets)).toBe(true);
    expect(ruleMatches('-m set --match-set weave-local dst --return-nomatch', p, sets)).toBe(true);
  });

  it('reports a set missing from the context as an error naming it and the rule', () => {
    const rs = oneRuleRuleset('-m set --match-set nope dst');
    const r = evaluateBoth(rs, 'filter', 'INPUT', makePacket(p), sets);
    expect(r.fast).toEqual(r.linear);
    expect(r.linear.verdict).toEqual({
      kind: 'ERROR',
      error: {
        message: 'ipset "nope" does not exist',
        table: 'filter',
        chain: 'INPUT',
        ruleNumber: 1,
        ruleText: '-A INPUT -m set --match-set nope dst -j ACCEPT',
      },
    });
  });

  it('refuses multi-dimension sets', () => {
    expect(() => ruleMatches('-m set --match-set pairs src,dst', p, sets)).toThrow(/one-dimension/);
  });
});
