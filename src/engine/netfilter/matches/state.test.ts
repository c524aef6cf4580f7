import { describe, expect, it } from 'vitest';
import { conntrackCreate } from '../conntrack.ts';
import type { CtInfo, CtState } from '../context.ts';
import { makePacket } from '../packet.ts';
import { ruleMatches } from '../test-fixtures.ts';

const spec = {
  src: '10.44.0.2',
  dst: '10.36.0.1',
  proto: 'tcp',
  sport: 40000,
  dport: 8080,
} as const;
const entry = conntrackCreate(makePacket(spec), 0);
const ct = (state: CtState): { ct: CtInfo } => ({
  ct: {
    state,
    dir: 'ORIGINAL',
    entry: state === 'INVALID' || state === 'UNTRACKED' ? null : entry,
  },
});

describe('state match', () => {
  it('matches the packet state, with negation', () => {
    expect(ruleMatches('-m state --state NEW', spec, ct('NEW'))).toBe(true);
    expect(ruleMatches('-m state --state RELATED,ESTABLISHED', spec, ct('NEW'))).toBe(false);
    expect(ruleMatches('-m state --state RELATED,ESTABLISHED', spec, ct('ESTABLISHED'))).toBe(true);
    expect(ruleMatches('-m state --state RELATED,ESTABLISHED', spec, ct('RELATED'))).toBe(true);
    expect(ruleMatches('-m state ! --state NEW', spec, ct('ESTABLISHED'))).toBe(true);
    expect(ruleMatches('-m state ! --state NEW', spec, ct('NEW'))).toBe(false);
    expect(ruleMatches('-m state --state INVALID', spec, ct('INVALID'))).toBe(true);
    expect(ruleMatches('-m state --state UNTRACKED', spec, ct('UNTRACKED'))).toBe(true);
    expect(ruleMatches('-m state --state NEW', spec, ct('UNTRACKED'))).toBe(false);
  });
});
