import { describe, expect, it } from 'vitest';
import { ruleMatches } from '../test-fixtures.ts';

const ping = {
  src: '10.44.0.2',
  dst: '10.36.0.1',
  proto: 'icmp',
  icmpType: 8,
  icmpCode: 0,
} as const;

describe('icmp match', () => {
  it('matches any, a type, or a type/code, with negation', () => {
    expect(ruleMatches('-p icmp --icmp-type any', ping)).toBe(true);
    expect(ruleMatches('-p icmp --icmp-type echo-request', ping)).toBe(true);
    expect(ruleMatches('-p icmp --icmp-type echo-reply', ping)).toBe(false);
    expect(ruleMatches('-p icmp ! --icmp-type echo-reply', ping)).toBe(true);
    expect(ruleMatches('-p icmp --icmp-type 8/0', ping)).toBe(true);
    expect(ruleMatches('-p icmp --icmp-type 8/1', ping)).toBe(false);
    const unreachable = { ...ping, icmpType: 3, icmpCode: 3 };
    expect(ruleMatches('-p icmp --icmp-type destination-unreachable', unreachable)).toBe(true);
    expect(ruleMatches('-p icmp --icmp-type port-unreachable', unreachable)).toBe(true);
    expect(ruleMatches('-p icmp --icmp-type host-unreachable', unreachable)).toBe(false);
  });
});
