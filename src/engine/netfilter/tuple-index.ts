/**
 * The conntrack table's index from a tuple to a number (the entry id, negated for a reply tuple).
 * IPv4 tuples live in an open-addressing hash table of typed arrays: a burst of new connections
 * then allocates no key strings and leaves the garbage collector nothing to trace. IPv6 tuples
 * use a Map keyed by their text.
 */
import type { Tuple } from './conntrack-entry.ts';

/** Words per slot: source, destination, ports (sport · 2¹⁶ + dport), protocol + 1 (0 = empty). */
const WORDS = 4;
const TOMBSTONE = -1;

function v6Key(t: Tuple): string {
  return `${t.proto}|${t.src.value}|${t.sport}|${t.dst.value}|${t.dport}`;
}

export class TupleIndex {
  /** Slot words; word 3 is 0 for an empty slot and TOMBSTONE for a deleted one. */
  private keys = new Int32Array(64 * WORDS);
  private values = new Int32Array(64);
  private mask = 63;
  /** Live IPv4 keys. */
  private live = 0;
  /** Used slots (live and deleted): the table grows when they fill half of it. */
  private used = 0;
  private readonly v6 = new Map<string, number>();

  /** The value under `t`, or undefined. */
  get(t: Tuple): number | undefined {
    if (t.src.family !== 4 || t.dst.family !== 4) return this.v6.get(v6Key(t));
    const slot = this.find(
      t.src.value | 0,
      t.dst.value | 0,
      (t.sport << 16) | t.dport | 0,
      t.proto + 1,
    );
    return slot < 0 ? undefined : this.values[slot];
  }

  has(t: Tuple): boolean {
    return this.get(t) !== undefined;
  }

  /** Sets the value under `t` (replacing an existing one). */
  set(t: Tuple, value: number): void {
    if (t.src.family !== 4 || t.dst.family !== 4) {
      this.v6.set(v6Key(t), value);
      return;
    }
    const src = t.src.value | 0;
    const dst = t.dst.value | 0;
    const ports = (t.sport << 16) | t.dport | 0;
    const proto = t.proto + 1;
    const known = this.find(src, dst, ports, proto);
    if (known >= 0) {
      this.values[known] = value;
      return;
    }
    if ((this.used + 1) * 2 > this.mask + 1) this.grow();
    const keys = this.keys;
    let i = hash(src, dst, ports, proto) & this.mask;
    for (;;) {
      const tag = keys[i * WORDS + 3] as number;
      if (tag === 0 || tag === TOMBSTONE) break;
      i = (i + 1) & this.mask;
    }
    this.put(i, src, dst, ports, proto, value);
  }

  /**
   * Sets `a` → `valueA` and `b` → `valueB` when neither is held yet (conntrack confirming both
   * tuples of a connection); returns false, changing nothing, when one is. Costs one probe per
   * tuple where has/has/set/set would cost four.
   */
  addPair(a: Tuple, valueA: number, b: Tuple, valueB: number): boolean {
    if (a.src.family !== 4 || a.dst.family !== 4 || b.src.family !== 4 || b.dst.family !== 4) {
      if (this.has(a) || this.has(b)) return false;
      this.set(a, valueA);
      this.set(b, valueB);
      return true;
    }
    if ((this.used + 2) * 2 > this.mask + 1) this.grow();
    const aSrc = a.src.value | 0;
    const aDst = a.dst.value | 0;
    const aPorts = (a.sport << 16) | a.dport | 0;
    const aProto = a.proto + 1;
    const bSrc = b.src.value | 0;
    const bDst = b.dst.value | 0;
    const bPorts = (b.sport << 16) | b.dport | 0;
    const bProto = b.proto + 1;
    const at = this.slotFor(aSrc, aDst, aPorts, aProto);
    if (at < 0) return false;
    const sameKey = aSrc === bSrc && aDst === bDst && aPorts === bPorts && aProto === bProto;
    if (sameKey) {
      this.put(at, aSrc, aDst, aPorts, aProto, valueB);
      return true;
    }
    let bt = this.slotFor(bSrc, bDst, bPorts, bProto);
    if (bt < 0) return false;
    this.put(at, aSrc, aDst, aPorts, aProto, valueA);
    // Both probes may have picked the same free slot: probe again past a's.
    if (bt === at) bt = this.slotFor(bSrc, bDst, bPorts, bProto);
    this.put(bt, bSrc, bDst, bPorts, bProto, valueB);
    return true;
  }

  /**
   * The slot to store a tuple in: the first free (empty or deleted) slot on its probe path, or
   * -1 when the tuple is held.
   */
  private slotFor(src: number, dst: number, ports: number, proto: number): number {
    const keys = this.keys;
    let free = -1;
    let i = hash(src, dst, ports, proto) & this.mask;
    for (;;) {
      const at = i * WORDS;
      const tag = keys[at + 3] as number;
      if (tag === 0) return free < 0 ? i : free;
      if (tag === TOMBSTONE) {
        if (free < 0) free = i;
      } else if (
        tag === proto &&
        keys[at] === src &&
        keys[at + 1] === dst &&
        keys[at + 2] === ports
      )
        return -1;
      i = (i + 1) & this.mask;
    }
  }

  private put(i: number, src: number, dst: number, ports: number, proto: number, value: number) {
    const keys = this.keys;
    const at = i * WORDS;
    if (keys[at + 3] === 0) this.used++;
    keys[at] = src;
    keys[at + 1] = dst;
    keys[at + 2] = ports;
    keys[at + 3] = proto;
    this.values[i] = value;
    this.live++;
  }

  /** Removes `t`. */
  delete(t: Tuple): void {
    if (t.src.family !== 4 || t.dst.family !== 4) {
      this.v6.delete(v6Key(t));
      return;
    }
    const slot = this.find(
      t.src.value | 0,
      t.dst.value | 0,
      (t.sport << 16) | t.dport | 0,
      t.proto + 1,
    );
    if (slot < 0) return;
    this.keys[slot * WORDS + 3] = TOMBSTONE;
    this.live--;
  }

  /** Number of tuples held. */
  get size(): number {
    return this.live + this.v6.size;
  }

  private find(src: number, dst: number, ports: number, proto: number): number {
    const keys = this.keys;
    let i = hash(src, dst, ports, proto) & this.mask;
    for (;;) {
      const at = i * WORDS;
      const tag = keys[at + 3] as number;
      if (tag === 0) return -1;
      if (tag === proto && keys[at] === src && keys[at + 1] === dst && keys[at + 2] === ports)
        return i;
      i = (i + 1) & this.mask;
    }
  }

  /** Doubles the table (or just drops tombstones) and re-inserts the live tuples. */
  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const size = this.live * 4 > this.mask + 1 ? (this.mask + 1) * 2 : this.mask + 1;
    this.keys = new Int32Array(size * WORDS);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    this.used = 0;
    const keys = this.keys;
    for (let i = 0; i < oldValues.length; i++) {
      const at = i * WORDS;
      const tag = oldKeys[at + 3] as number;
      if (tag === 0 || tag === TOMBSTONE) continue;
      const src = oldKeys[at] as number;
      const dst = oldKeys[at + 1] as number;
      const ports = oldKeys[at + 2] as number;
      let j = hash(src, dst, ports, tag) & this.mask;
      while (keys[j * WORDS + 3] !== 0) j = (j + 1) & this.mask;
      const to = j * WORDS;
      keys[to] = src;
      keys[to + 1] = dst;
      keys[to + 2] = ports;
      keys[to + 3] = tag;
      this.values[j] = oldValues[i] as number;
      this.used++;
    }
  }
}

/** A 32-bit mix of the four words (murmur3's finaliser over a multiply-xor chain). */
function hash(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ b ^ (h >>> 15), 0xc2b2ae35);
  h = Math.imul(h ^ c ^ (h >>> 13), 0x27d4eb2f);
  h = Math.imul(h ^ d ^ (h >>> 16), 0x165667b1);
  return (h ^ (h >>> 15)) >>> 0;
}
