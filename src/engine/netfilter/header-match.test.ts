import { describe, expect, it } from 'vitest';
import { ruleMatches } from './test-fixtures.ts';

const tcp = { src: '10.44.0.2', dst: '10.96.0.10', proto: 'tcp', sport: 40000, dport: 80 } as const;

describe('rule header (-s -d -i -o -p -f)', () => {
  it('matches -s/-d as CIDRs and hosts, with negation', () => {
    expect(ruleMatches('-s 10.44.0.0/16', tcp)).toBe(true);
    expect(ruleMatches('-s 10.45.0.0/16', tcp)).toBe(false);
    expect(ruleMatches('! -s 10.45.0.0/16', tcp)).toBe(true);
    expect(ruleMatches('! -s 10.44.0.0/16', tcp)).toBe(false);
    expect(ruleMatches('-d 10.96.0.10', tcp)).toBe(true);
    expect(ruleMatches('-d 10.96.0.11/32', tcp)).toBe(false);
    expect(ruleMatches('-d 10.0.0.0/8 -s 10.44.0.2/32', tcp)).toBe(true);
    expect(ruleMatches('-d 10.0.0.0/8 ! -s 10.44.0.2/32', tcp)).toBe(false);
    expect(ruleMatches('-d 0.0.0.0/1', tcp)).toBe(true);
    expect(ruleMatches('! -d 0.0.0.0/0', tcp)).toBe(false);
  });

  it('matches IPv6 addresses', () => {
    const v6 = { src: 'fd00:10:244::5', dst: 'fd00:10:96::a', proto: 'tcp', dport: 53 } as const;
    expect(ruleMatches('-d fd00:10:96::a', v6, {}, 6)).toBe(true);
    expect(ruleMatches('-s fd00:10:244::/64', v6, {}, 6)).toBe(true);
    expect(ruleMatches('! -s fd00:10:244::/64', v6, {}, 6)).toBe(false);
    expect(ruleMatches('-s fd00:10:245::/64', v6, {}, 6)).toBe(false);
  });

  it('matches -i/-o exactly or by + prefix, with negation', () => {
    const ctx = { inIface: 'veth1234', outIface: 'weave' };
    expect(ruleMatches('-i veth1234', tcp, ctx)).toBe(true);
    expect(ruleMatches('-i veth+', tcp, ctx)).toBe(true);
    expect(ruleMatches('-i veth12345', tcp, ctx)).toBe(false);
    expect(ruleMatches('-i vet', tcp, ctx)).toBe(false);
    expect(ruleMatches('! -i docker0', tcp, ctx)).toBe(true);
    expect(ruleMatches('! -i veth+', tcp, ctx)).toBe(false);
    expect(ruleMatches('-o weave', tcp, ctx)).toBe(true);
    expect(ruleMatches('-i veth+ ! -o weave', tcp, ctx)).toBe(false);
    expect(ruleMatches('-o we+', tcp, ctx)).toBe(true);
  });

  it('treats a missing interface (OUTPUT has no -i) as the empty name', () => {
    expect(ruleMatches('-i eth0', tcp, { inIface: null })).toBe(false);
    expect(ruleMatches('-i eth+', tcp, { inIface: null })).toBe(false);
    expect(ruleMatches('! -i eth0', tcp, { inIface: null })).toBe(true);
  });

  it('matches -p by number, with negation', () => {
    expect(ruleMatches('-p tcp', tcp)).toBe(true);
    expect(ruleMatches('-p udp', tcp)).toBe(false);
    expect(ruleMatches('! -p udp', tcp)).toBe(true);
    expect(ruleMatches('-p 6', tcp)).toBe(true);
    expect(ruleMatches('-p icmp', { ...tcp, proto: 'icmp' })).toBe(true);
  });

  it('matches -f on non-first fragments only', () => {
    expect(ruleMatches('-f', { ...tcp, fragment: true })).toBe(true);
    expect(ruleMatches('-f', tcp)).toBe(false);
    expect(ruleMatches('! -f', tcp)).toBe(true);
    expect(ruleMatches('! -f', { ...tcp, fragment: true })).toBe(false);
  });
});
