/**
 * The hash in kube-proxy's chain names (kube-proxy-iptables.md §2.1): the first 16 characters of
 * the RFC 4648 base32 encoding of SHA-256 over a short string.
 *
 * A first sync hashes every service port and endpoint (60,000 names for 10,000 Services × 5
 * endpoints). @noble/hashes allocates a hasher, a DataView, a padded block and a digest per call,
 * and @scure/base converts through arrays; for the ASCII text of real names this file runs
 * SHA-256 (FIPS 180-4) over one reused message schedule and encodes the 10 bytes it needs
 * directly. Text with other characters goes through @noble/hashes. chain-hash.test.ts compares
 * the two on random text of every length up to several blocks.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base32 } from '@scure/base';

// prettier-ignore
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
// prettier-ignore
const H0 = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/** The message schedule and the state, reused by every call. */
const W = new Int32Array(64);
const H = new Int32Array(8);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/**
 * Character codes of the result, read once by String.fromCharCode: one list per result length,
 * reused and written in place (emptying one list and pushing again would grow a new store for it
 * on every call).
 */
const OUT_BY_LENGTH: number[][] = [];
let out: number[] = [];
let at = 0;

/** Byte `i` of the padded message: the text, 0x80, zeros, then the bit length (big-endian). */
function paddedByte(text: string, i: number, blocks: number): number {
  const len = text.length;
  if (i < len) return text.charCodeAt(i);
  if (i === len) return 0x80;
  const fromEnd = blocks * 64 - i; // 1…8 in the length field
  if (fromEnd > 4) return 0; // bit lengths here fit in 32 bits
  return ((len * 8) >>> ((fromEnd - 1) * 8)) & 0xff;
}

function compress(text: string, block: number, blocks: number): void {
  const base = block * 64;
  const len = text.length;
  for (let t = 0; t < 16; t++) {
    const i = base + t * 4;
    W[t] =
      i + 3 < len
        ? (text.charCodeAt(i) << 24) |
          (text.charCodeAt(i + 1) << 16) |
          (text.charCodeAt(i + 2) << 8) |
          text.charCodeAt(i + 3)
        : (paddedByte(text, i, blocks) << 24) |
          (paddedByte(text, i + 1, blocks) << 16) |
          (paddedByte(text, i + 2, blocks) << 8) |
          paddedByte(text, i + 3, blocks);
  }
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15]!;
    const w2 = W[t - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[t] = (s1 + W[t - 7]! + s0 + W[t - 16]!) | 0;
  }
  let a = H[0]!;
  let b = H[1]!;
  let c = H[2]!;
  let d = H[3]!;
  let e = H[4]!;
  let f = H[5]!;
  let g = H[6]!;
  let h = H[7]!;
  for (let t = 0; t < 64; t++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0]! + a) | 0;
  H[1] = (H[1]! + b) | 0;
  H[2] = (H[2]! + c) | 0;
  H[3] = (H[3]! + d) | 0;
  H[4] = (H[4]! + e) | 0;
  H[5] = (H[5]! + f) | 0;
  H[6] = (H[6]! + g) | 0;
  H[7] = (H[7]! + h) | 0;
}

/** Writes the 4 base32 characters of a 20-bit number. */
function pushBase32(n: number): void {
  out[at++] = ALPHABET.charCodeAt((n >>> 15) & 31);
  out[at++] = ALPHABET.charCodeAt((n >>> 10) & 31);
  out[at++] = ALPHABET.charCodeAt((n >>> 5) & 31);
  out[at++] = ALPHABET.charCodeAt(n & 31);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** `prefix` + the first 16 base32 characters of sha256(text), as one flat string. */
export function chainHash(prefix: string, text: string): string {
  // (Past 2^29 characters the bit length no longer fits the one word this writes.)
  if (text.length >= 2 ** 29 || !isAscii(text)) {
    // 10 bytes of digest are exactly 16 base32 characters, with no padding.
    return prefix + base32.encode(sha256(utf8ToBytes(text)).subarray(0, 10));
  }
  H.set(H0);
  const blocks = Math.floor((text.length + 8) / 64) + 1;
  for (let block = 0; block < blocks; block++) compress(text, block, blocks);
  const length = prefix.length + 16;
  out = OUT_BY_LENGTH[length] ??= new Array<number>(length).fill(0);
  for (at = 0; at < prefix.length; at++) out[at] = prefix.charCodeAt(at);
  // The first 80 bits of the digest (H0, H1, the top half of H2) in four 20-bit pieces.
  const h0 = H[0]!;
  const h1 = H[1]!;
  pushBase32(h0 >>> 12);
  pushBase32(((h0 & 0xfff) << 8) | (h1 >>> 24));
  pushBase32((h1 >>> 4) & 0xfffff);
  pushBase32(((h1 & 0xf) << 16) | (H[2]! >>> 16));
  return String.fromCharCode.apply(null, out);
}
