/**
 * A read-only hash table from (destination address, port key) to a list of rule indices, for
 * chain indexes. IPv4 keys live in an open-addressing table of typed arrays holding each list's
 * place in a shared pool: a lookup computes no key number or string (an IPv4 address times 2¹⁸
 * would be a heap number) and reads one slot, then the list itself. IPv6 keys use a Map keyed by
 * their text.
 */

/** Int32 words per slot: destination, port key + 1 (0 = empty), list start, list end. */
const WORDS = 4;

export class DstPortTable {
  private readonly keys: Int32Array;
  private readonly mask: number;
  private readonly v6 = new Map<string, readonly [number, number]>();
  /** Start and end (in the pool) of the list found by the last successful `find`. */
  start = 0;
  end = 0;

  /** A table sized for `capacity` keys (at most half full). */
  constructor(capacity: number) {
    let size = 4;
    while (size < capacity * 2) size *= 2;
    this.keys = new Int32Array(size * WORDS);
    this.mask = size - 1;
  }

  /** Finds (dst, port) and sets `start`/`end`; false when absent. `port` is a port key ≥ 0. */
  find(dst: number | bigint, port: number): boolean {
    if (typeof dst !== 'number') {
      const at = this.v6.get(`${dst}/${port}`);
      if (at === undefined) return false;
      this.start = at[0];
      this.end = at[1];
      return true;
    }
    const d = dst | 0;
    const tag = port + 1;
    const keys = this.keys;
    const mask = this.mask;
    for (let i = hash(d, tag) & mask; ; i = (i + 1) & mask) {
      const at = i * WORDS;
      const t = keys[at + 1] as number;
      if (t === 0) return false;
      if (t === tag && keys[at] === d) {
        this.start = keys[at + 2] as number;
        this.end = keys[at + 3] as number;
        return true;
      }
    }
  }

  /** Files the pool list [start, end) under a new (dst, port); at most `capacity` keys in all. */
  add(dst: number | bigint, port: number, start: number, end: number): void {
    if (typeof dst !== 'number') {
      this.v6.set(`${dst}/${port}`, [start, end]);
      return;
    }
    const d = dst | 0;
    const tag = port + 1;
    const keys = this.keys;
    const mask = this.mask;
    let i = hash(d, tag) & mask;
    while (keys[i * WORDS + 1] !== 0) i = (i + 1) & mask;
    const at = i * WORDS;
    keys[at] = d;
    keys[at + 1] = tag;
    keys[at + 2] = start;
    keys[at + 3] = end;
  }
}

/** A 32-bit mix of the two words (murmur3's finaliser). */
function hash(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
