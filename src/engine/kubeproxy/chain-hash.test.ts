import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base32 } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainHash } from './chain-hash.ts';

/** The reference: @noble/hashes and @scure/base, as chain names were computed before. */
const reference = (prefix: string, text: string) =>
  prefix + base32.encode(sha256(utf8ToBytes(text)).subarray(0, 10));

describe('chainHash', () => {
  it('agrees with @noble/hashes for ASCII text of every length across several blocks', () => {
    let text = '';
    for (let len = 0; len <= 300; len++) {
      expect(chainHash('KUBE-SEP-', text)).toBe(reference('KUBE-SEP-', text));
      text += String.fromCharCode(32 + ((len * 37) % 95));
    }
  });

  it('agrees with @noble/hashes on arbitrary text (non-ASCII goes through it)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 10 }), (text, prefix) => {
        expect(chainHash(prefix, text)).toBe(reference(prefix, text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        expect(chainHash('', text)).toBe(reference('', text));
      }),
    );
  });
});
