import { describe, expect, it } from 'vitest';
import { ruleMatches } from '../test-fixtures.ts';

const p = { src: '10.44.0.2', dst: '10.36.0.1', proto: 'tcp', dport: 8080 } as const;
const bridgedOut = { physdev: { in: 'vethwepl1234', out: 'vethwe-bridge' } };
const routed = { physdev: { in: 'vethwepl1234', out: null } };

describe('physdev match', () => {
  it('matches bridge ports with + wildcards and negation', () => {
    expect(
      ruleMatches('-m physdev --physdev-out vethwe-bridge --physdev-is-bridged', p, bridgedOut),
    ).toBe(true);
    expect(ruleMatches('-m physdev --physdev-in vethwe+', p, bridgedOut)).toBe(true);
    expect(ruleMatches('-m physdev --physdev-in vethwe-bridge', p, bridgedOut)).toBe(false);
    expect(ruleMatches('-m physdev ! --physdev-in vethwe-bridge', p, bridgedOut)).toBe(true);
    expect(ruleMatches('-m physdev --physdev-is-in --physdev-is-out', p, bridgedOut)).toBe(true);
  });

  it('tells bridged from routed packets', () => {
    expect(ruleMatches('-m physdev --physdev-is-bridged', p, routed)).toBe(false);
    expect(ruleMatches('-m physdev ! --physdev-is-bridged', p, routed)).toBe(true);
    expect(ruleMatches('-m physdev ! --physdev-is-out', p, routed)).toBe(true);
    // Like the kernel: --physdev-out fails without an output bridge port, even negated.
    expect(ruleMatches('-m physdev ! --physdev-out vethwe-bridge', p, routed)).toBe(false);
  });

  it('skips --physdev-in when the packet has no bridge input port', () => {
    const local = { physdev: { in: null, out: 'vethwe-bridge' } };
    expect(ruleMatches('-m physdev --physdev-in eth9 --physdev-out vethwe-bridge', p, local)).toBe(
      true,
    );
  });

  it('only lets negated options hold for packets that never crossed a bridge', () => {
    expect(ruleMatches('-m physdev --physdev-is-bridged', p)).toBe(false);
    expect(ruleMatches('-m physdev ! --physdev-is-bridged', p)).toBe(true);
    expect(ruleMatches('-m physdev ! --physdev-in vethwe-bridge ! --physdev-is-in', p)).toBe(true);
    expect(ruleMatches('-m physdev --physdev-in vethwe-bridge', p)).toBe(false);
  });
});
