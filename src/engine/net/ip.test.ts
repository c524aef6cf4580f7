import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIp, maskIp, parseIpv4 } from './ip.ts';

/** The split-and-regex reading parseIpv4 replaced. */
function reference(text: string) {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return { family: 4, value };
}

describe('parseIpv4', () => {
  it('reads dotted quads sloppily, as before', () => {
    expect(formatIp(parseIpv4('172.30.0.041')!)).toBe('172.30.0.41');
    const part = fc.oneof(fc.nat(300).map(String), fc.constantFrom('', '0000', '01', 'x', '-1'));
    const text = fc.oneof(
      fc.array(part, { minLength: 1, maxLength: 6 }).map((p) => p.join('.')),
      fc.string({ maxLength: 16 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(parseIpv4(t)).toEqual(reference(t));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('maskIp', () => {
  it('clears host bits and keeps a host address as it is', () => {
    const ip = parseIpv4('10.1.2.3')!;
    expect(maskIp(ip, 32)).toEqual(ip);
    expect(formatIp(maskIp(ip, 8))).toBe('10.0.0.0');
  });
});
