import { describe, expect, it } from 'vitest';
import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../packet.ts';
import { ruleMatches } from '../test-fixtures.ts';

const p = { src: '10.44.0.2', dst: '10.96.0.10', proto: 'tcp', sport: 40000, dport: 80 } as const;

describe('tcp match', () => {
  it('matches single ports and ranges, with negation', () => {
    expect(ruleMatches('-p tcp --dport 80', p)).toBe(true);
    expect(ruleMatches('-p tcp --dport 81', p)).toBe(false);
    expect(ruleMatches('-p tcp ! --dport 81', p)).toBe(true);
    expect(ruleMatches('-p tcp ! --dport 80', p)).toBe(false);
    expect(ruleMatches('-p tcp --dport 79:81', p)).toBe(true);
    expect(ruleMatches('-p tcp --dport 80:80', p)).toBe(true);
    expect(ruleMatches('-p tcp --dport 81:90', p)).toBe(false);
    expect(ruleMatches('-p tcp ! --dport 81:90', p)).toBe(true);
    expect(ruleMatches('-p tcp --dport :80', p)).toBe(true);
    expect(ruleMatches('-p tcp --sport 1024:', p)).toBe(true);
    expect(ruleMatches('-p tcp --sport 1024:39999', p)).toBe(false);
    expect(ruleMatches('-p tcp --sport 40000 --dport 80', p)).toBe(true);
    expect(ruleMatches('-p tcp --sport 40000 --dport 443', p)).toBe(false);
  });

  it('tests flags with --tcp-flags and --syn', () => {
    const syn = { ...p, tcpFlags: TCP_SYN };
    const synAck = { ...p, tcpFlags: TCP_SYN | TCP_ACK };
    expect(ruleMatches('-p tcp --syn', syn)).toBe(true);
    expect(ruleMatches('-p tcp --syn', synAck)).toBe(false);
    expect(ruleMatches('-p tcp ! --syn', synAck)).toBe(true);
    expect(ruleMatches('-p tcp --tcp-flags SYN,ACK SYN,ACK', synAck)).toBe(true);
    expect(ruleMatches('-p tcp --tcp-flags RST RST', { ...p, tcpFlags: TCP_RST | TCP_ACK })).toBe(
      true,
    );
    expect(ruleMatches('-p tcp --tcp-flags ALL FIN', { ...p, tcpFlags: TCP_FIN | TCP_ACK })).toBe(
      false,
    );
    expect(ruleMatches('-p tcp ! --tcp-flags ALL FIN', { ...p, tcpFlags: TCP_FIN | TCP_ACK })).toBe(
      true,
    );
  });

  it('tests --tcp-option against the options present', () => {
    expect(ruleMatches('-p tcp --tcp-option 2', { ...p, tcpOptions: [2, 4] })).toBe(true);
    expect(ruleMatches('-p tcp --tcp-option 3', { ...p, tcpOptions: [2, 4] })).toBe(false);
    expect(ruleMatches('-p tcp ! --tcp-option 3', p)).toBe(true);
  });

  it('never matches a non-first fragment', () => {
    expect(ruleMatches('-p tcp --dport 80', { ...p, fragment: true })).toBe(false);
    expect(ruleMatches('-p tcp ! --dport 81', { ...p, fragment: true })).toBe(false);
  });
});
