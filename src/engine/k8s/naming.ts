/**
 * Deterministic stand-ins for Kubernetes' random names and hashes: `pod-template-hash`, the
 * 5-character suffixes of generated names, and a small seeded generator for allocators.
 */

/** Kubernetes' safe-encoding alphabet (k8s.io/apimachinery/pkg/util/rand): no vowels, no 0/1/3. */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** rand.SafeEncodeString: every character mapped into the safe alphabet. */
export function safeEncodeString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++)
    out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** JSON with object keys sorted, so equal objects always print the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The `pod-template-hash` of a pod template: like ComputeHash, a 32-bit FNV-1a hash of the
 * template printed as a decimal number and safe-encoded (so 8–10 characters from `bcdf456789`).
 */
export function podTemplateHash(template: unknown): string {
  return safeEncodeString(String(fnv1a32(canonicalJson(template))));
}

/** A seeded 32-bit generator (mulberry32): same seed, same sequence. */
export interface Rng {
  /** Next value in [0, 2^32). */
  next(): number;
  /** Next integer in [0, n). */
  below(n: number): number;
}

export function createRng(seed: number | string): Rng {
  let state = (typeof seed === 'string' ? fnv1a32(seed) : seed) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return { next, below: (n) => (n <= 1 ? 0 : Math.floor((next() / 0x100000000) * n)) };
}

/** rand.String(n): `n` characters from the safe alphabet. */
export function randomSuffix(rng: Rng, length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += SAFE_ALPHABET[rng.below(SAFE_ALPHABET.length)];
  return out;
}

/** Longest base kept by names.SimpleNameGenerator (63 − 5 random characters). */
const MAX_GENERATED_BASE = 58;

/** `<base><5 random chars>` like generateName, skipping names in `taken`. */
export function generateName(
  base: string,
  rng: Rng,
  taken: { has(name: string): boolean },
): string {
  const prefix = base.length > MAX_GENERATED_BASE ? base.slice(0, MAX_GENERATED_BASE) : base;
  for (;;) {
    const name = prefix + randomSuffix(rng);
    if (!taken.has(name)) return name;
  }
}
