import { describe, expect, it } from 'vitest';
import { ruleMatches } from '../test-fixtures.ts';

const p = { src: '10.44.0.2', dst: '10.96.0.10', proto: 'tcp', dport: 80 } as const;

describe('comment and nfacct matches', () => {
  it('always match', () => {
    expect(ruleMatches('-m comment --comment "kubernetes service portals"', p)).toBe(true);
    expect(ruleMatches('-m nfacct --nfacct-name ct_state_invalid_dropped_pkts', p)).toBe(true);
    expect(ruleMatches('-m comment --comment x -d 10.96.0.11', p)).toBe(false);
  });
});
