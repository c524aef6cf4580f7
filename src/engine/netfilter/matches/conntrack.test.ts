import { describe, expect, it } from 'vitest';
import { conntrackAdvance, conntrackCreate } from '../conntrack.ts';
import { IPS_CONFIRMED } from '../conntrack-entry.ts';
import { bindDnat, bindSnat } from '../conntrack-nat.ts';
import type { CtInfo, CtState } from '../context.ts';
import { makePacket } from '../packet.ts';
import { parseIp } from '../../net/ip.ts';
import { ruleMatches } from '../test-fixtures.ts';

const ip = (text: string) => parseIp(text) as NonNullable<ReturnType<typeof parseIp>>;
const spec = {
  src: '10.44.0.2',
  dst: '10.96.120.15',
  proto: 'tcp',
  sport: 41234,
  dport: 80,
} as const;
const fresh = conntrackCreate(makePacket(spec), 0);
const dnated = bindDnat(fresh, ip('10.36.0.1'), 8080);
const ctx = (
  state: CtState,
  entry = dnated,
  dir: 'ORIGINAL' | 'REPLY' = 'ORIGINAL',
): { ct: CtInfo; nowMs: number } => ({
  ct: { state, dir, entry },
  nowMs: 1_000,
});

describe('conntrack match', () => {
  it('matches --ctstate including the DNAT/SNAT pseudo-states', () => {
    expect(ruleMatches('-m conntrack --ctstate NEW', spec, ctx('NEW', fresh))).toBe(true);
    expect(ruleMatches('-m conntrack --ctstate DNAT', spec, ctx('NEW', fresh))).toBe(false);
    expect(ruleMatches('-m conntrack --ctstate DNAT', spec, ctx('NEW'))).toBe(true);
    expect(ruleMatches('-m conntrack --ctstate SNAT', spec, ctx('NEW'))).toBe(false);
    const both = bindSnat(dnated, ip('10.32.0.1'), 41234);
    expect(ruleMatches('-m conntrack --ctstate SNAT', spec, ctx('NEW', both))).toBe(true);
    expect(
      ruleMatches('-m conntrack --ctstate RELATED,ESTABLISHED', spec, ctx('ESTABLISHED')),
    ).toBe(true);
    expect(
      ruleMatches('-m conntrack ! --ctstate RELATED,ESTABLISHED', spec, ctx('NEW', fresh)),
    ).toBe(true);
    // KUBE-FIREWALL's test: a DNATed connection is let through.
    expect(ruleMatches('-m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT', spec, ctx('NEW'))).toBe(
      false,
    );
  });

  it('treats INVALID/UNTRACKED packets as having no entry', () => {
    const invalid = { ct: { state: 'INVALID', dir: 'ORIGINAL', entry: null } as CtInfo };
    expect(ruleMatches('-m conntrack --ctstate INVALID', spec, invalid)).toBe(true);
    expect(ruleMatches('-m conntrack ! --ctstate NEW', spec, invalid)).toBe(true);
    // Without an entry only a state-only rule can match (xt_conntrack).
    expect(ruleMatches('-m conntrack --ctstate INVALID --ctproto tcp', spec, invalid)).toBe(false);
    expect(ruleMatches('-m conntrack ! --ctproto udp', spec, invalid)).toBe(false);
  });

  it('tests the original and reply tuples', () => {
    expect(ruleMatches('-m conntrack --ctorigdst 10.96.120.15', spec, ctx('NEW'))).toBe(true);
    expect(ruleMatches('-m conntrack --ctorigdst 10.96.0.0/12', spec, ctx('NEW'))).toBe(true);
    expect(ruleMatches('-m conntrack ! --ctorigdst 10.96.0.0/12', spec, ctx('NEW'))).toBe(false);
    expect(ruleMatches('-m conntrack --ctreplsrc 10.36.0.1', spec, ctx('NEW'))).toBe(true);
    expect(ruleMatches('-m conntrack --ctreplsrc 10.36.0.1', spec, ctx('NEW', fresh))).toBe(false);
    expect(
      ruleMatches('-m conntrack --ctorigsrc 10.44.0.0/16 --ctrepldst 10.44.0.2', spec, ctx('NEW')),
    ).toBe(true);
    expect(
      ruleMatches('-m conntrack --ctorigdstport 80 --ctreplsrcport 8080', spec, ctx('NEW')),
    ).toBe(true);
    expect(ruleMatches('-m conntrack --ctorigsrcport 1024:65535', spec, ctx('NEW'))).toBe(true);
    expect(ruleMatches('-m conntrack ! --ctreplsrcport 8080', spec, ctx('NEW'))).toBe(false);
    expect(ruleMatches('-m conntrack --ctproto tcp', spec, ctx('NEW'))).toBe(true);
    expect(ruleMatches('-m conntrack --ctproto udp', spec, ctx('NEW'))).toBe(false);
  });

  it('tests status, expiry and direction', () => {
    expect(ruleMatches('-m conntrack --ctstatus CONFIRMED', spec, ctx('NEW'))).toBe(false);
    const confirmed = { ...dnated, status: dnated.status | IPS_CONFIRMED };
    expect(ruleMatches('-m conntrack --ctstatus CONFIRMED', spec, ctx('NEW', confirmed))).toBe(
      true,
    );
    expect(ruleMatches('-m conntrack ! --ctstatus ASSURED', spec, ctx('NEW', confirmed))).toBe(
      true,
    );
    const replied = conntrackAdvance(
      confirmed,
      'REPLY',
      makePacket({ ...spec, src: '10.36.0.1', dst: '10.44.0.2' }),
      500,
    );
    expect(
      ruleMatches('-m conntrack --ctstatus SEEN_REPLY', spec, ctx('ESTABLISHED', replied)),
    ).toBe(true);
    // SYN_SENT lasts 120 s; at t = 1 s, 119 s are left.
    expect(ruleMatches('-m conntrack --ctexpire 119', spec, ctx('NEW'))).toBe(true);
    expect(ruleMatches('-m conntrack --ctexpire 0:100', spec, ctx('NEW'))).toBe(false);
    expect(ruleMatches('-m conntrack --ctdir ORIGINAL', spec, ctx('NEW'))).toBe(true);
    expect(
      ruleMatches('-m conntrack --ctdir REPLY', spec, ctx('ESTABLISHED', dnated, 'REPLY')),
    ).toBe(true);
    expect(ruleMatches('-m conntrack --ctdir REPLY', spec, ctx('NEW'))).toBe(false);
  });
});
