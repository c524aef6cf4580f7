import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IpFamily } from '../../net/ip.ts';
import type { GivenOption } from '../extension.ts';
import { PROTO_TCP, PROTO_UDP } from '../protocols.ts';
import type { ProtocolMatch } from '../rule.ts';
import { dnatTarget, natPortsAllowed } from './dnat.ts';
import { formatNatRange, parseNatRange } from './nat-range.ts';

const to = (text: string): GivenOption[] => [
  { name: 'to-destination', negated: false, values: [text], index: 0 },
];

describe('DNAT --to-destination', () => {
  it('prints a range as parsing and printing it gives, and the plain IPv4 form as given', () => {
    const octet = fc.oneof(
      fc.integer({ min: 0, max: 300 }).map(String),
      fc.constantFrom('00', '01', '010', '255', '256', ''),
    );
    const port = fc.oneof(
      fc.integer({ min: 0, max: 70000 }).map(String),
      fc.constantFrom('080', '0', '00', '65535', '65536', '1-2', '', '+1', '0x10'),
    );
    const text = fc.oneof(
      fc
        .tuple(octet, octet, octet, octet, port)
        .map(([a, b, c, d, p]) => `${a}.${b}.${c}.${d}:${p}`),
      fc.tuple(octet, octet, octet, octet).map((o) => o.join('.')),
      fc.constantFrom('[fd00::1]:80', 'fd00::1', ':80', '10.0.0.1-10.0.0.2:80', '1.2.3.4:5:6'),
    );
    const protocol = fc.constantFrom<ProtocolMatch | undefined>(
      undefined,
      { number: PROTO_TCP, negated: false },
      { number: PROTO_UDP, negated: true },
    );
    const family = fc.constantFrom<IpFamily>(4, 6);
    fc.assert(
      fc.property(text, protocol, family, (t, p, f) => {
        const ctx = { family: f, protocol: p, index: 0 };
        const got = dnatTarget.normalize(to(t), ctx);
        // What it says prints as given does.
        if (dnatTarget.printsAsGiven!('to-destination', t, ctx)) {
          expect(got.ok && got.value).toEqual([
            { name: 'to-destination', negated: false, values: [t] },
          ]);
        }
        const range = parseNatRange(t, f, natPortsAllowed(p));
        if (typeof range === 'string') {
          expect(got.ok).toBe(false);
        } else {
          expect(got.ok && got.value).toEqual([
            { name: 'to-destination', negated: false, values: [formatNatRange(range)] },
          ]);
        }
      }),
      { numRuns: 5_000 },
    );
  });
});
