import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  createRng,
  fnv1a32,
  generateName,
  podTemplateHash,
  randomSuffix,
  safeEncodeString,
  SAFE_ALPHABET,
} from './naming.ts';

describe('naming', () => {
  it('hashes with FNV-1a (32 bits)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('safe-encodes like rand.SafeEncodeString (digits map into "bcdf456789")', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('computes pod-template-hash values that look like the real ones', () => {
    const hash = podTemplateHash({
      metadata: { labels: { app: 'webui' } },
      spec: { containers: [{ name: 'c', image: 'nginx:1.14' }] },
    });
    expect(hash).toMatch(/^[bcdf4-9]{8,10}$/);
    expect(podTemplateHash({ spec: {}, metadata: {} })).toBe(
      podTemplateHash({ metadata: {}, spec: {} }),
    );
    expect(podTemplateHash({ a: 1 })).not.toBe(podTemplateHash({ a: 2 }));
  });

  it('prints JSON with sorted keys', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe(
      '{"a":null,"b":[1,{"c":2,"d":1}]}',
    );
  });

  it('generates the same sequence from the same seed', () => {
    const a = createRng('default/web');
    const b = createRng('default/web');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(createRng('other').next()).not.toBe(seqA[0]);
    const r = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const n = r.below(7);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(7);
    }
  });

  it('makes 5-character suffixes from the safe alphabet', () => {
    const suffix = randomSuffix(createRng(3));
    expect(suffix).toHaveLength(5);
    for (const ch of suffix) expect(SAFE_ALPHABET).toContain(ch);
  });

  it('generates names that avoid taken ones and truncates long bases to 58 characters', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const name = generateName('web-', createRng('same'), taken);
      expect(taken.has(name)).toBe(false);
      taken.add(name);
    }
    expect(generateName('x'.repeat(70), createRng(1), taken)).toHaveLength(63);
  });
});
