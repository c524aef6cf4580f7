/**
 * Weave Net's IPAM (datapath.md §4.3): the first peer owns the whole range; each later peer gets
 * a block donated by the peer with the most free space (weave's ipam/space Donate and
 * net/address BiggestCIDRRange); addresses go lowest-free-first.
 */
import type { Cidr } from '../net/ip.ts';

/** Half-open address range [start, end) of IPv4 addresses as numbers. */
export interface AddressRange {
  readonly start: number;
  readonly end: number;
}

interface Peer {
  readonly name: string;
  /** Everything this peer owns (free or not), sorted and coalesced. */
  owned: AddressRange[];
  /** The part of `owned` not allocated yet. */
  free: AddressRange[];
}

/** The union of `list` and [start, end), sorted and coalesced. */
export function addRange(
  list: readonly AddressRange[],
  start: number,
  end: number,
): AddressRange[] {
  const all = [...list, { start, end }].sort((a, b) => a.start - b.start);
  const out: AddressRange[] = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end)
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, r.end) };
    else out.push(r);
  }
  return out;
}

/** `list` without [start, end). */
export function subtractRange(
  list: readonly AddressRange[],
  start: number,
  end: number,
): AddressRange[] {
  const out: AddressRange[] = [];
  for (const r of list) {
    if (r.end <= start || r.start >= end) out.push(r);
    else {
      if (r.start < start) out.push({ start: r.start, end: start });
      if (r.end > end) out.push({ start: end, end: r.end });
    }
  }
  return out;
}

function size(list: readonly AddressRange[]): number {
  return list.reduce((n, r) => n + (r.end - r.start), 0);
}

function highestPowerOfTwoAtMost(n: number): number {
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}

/** net/address Range.BiggestCIDRRange: the biggest CIDR-aligned block inside the range. */
export function biggestCidrRange(r: AddressRange): AddressRange {
  const sizeMsb = highestPowerOfTwoAtMost(r.end - r.start);
  const maskedSize = (r.end - r.start) % sizeMsb;
  const maskedStart = r.start % sizeMsb;
  if (maskedStart === 0) return { start: r.start, end: r.start + sizeMsb };
  if (sizeMsb - maskedStart <= maskedSize) {
    const start = r.start + sizeMsb - maskedStart;
    return { start, end: start + sizeMsb };
  }
  const half = sizeMsb / 2;
  const start =
    half >= maskedStart ? r.start + half - maskedStart : r.start + sizeMsb - maskedStart;
  return { start, end: start + half };
}

/** Splits a range into the fewest CIDR blocks covering it exactly, as [network, prefix] pairs. */
export function rangeToCidrs(r: AddressRange): [number, number][] {
  const out: [number, number][] = [];
  let start = r.start;
  while (start < r.end) {
    let blockSize = 1;
    while (start % (blockSize * 2) === 0 && start + blockSize * 2 <= r.end && blockSize < 2 ** 32)
      blockSize *= 2;
    out.push([start, 32 - Math.log2(blockSize)]);
    start += blockSize;
  }
  return out;
}

export class WeaveIpam {
  /** The whole allocation range (IPALLOC_RANGE). */
  readonly range: AddressRange;
  private readonly peers: Peer[] = [];

  constructor(cidr: Cidr) {
    if (cidr.ip.family !== 4) throw new Error('Weave IPAM is IPv4-only');
    const start = cidr.ip.value;
    this.range = { start, end: start + 2 ** (32 - cidr.prefix) };
  }

  private peer(name: string): Peer | undefined {
    return this.peers.find((p) => p.name === name);
  }

  /** A node's router joins: the first claims the whole range, later ones receive a donation. */
  join(name: string): void {
    if (this.peer(name)) return;
    if (this.peers.length === 0) {
      const all = [this.range];
      this.peers.push({ name, owned: all, free: all });
      return;
    }
    const joiner: Peer = { name, owned: [], free: [] };
    const donor = this.peers.reduce((best, p) => (size(p.free) > size(best.free) ? p : best));
    const gift = this.donate(donor);
    if (gift) {
      joiner.owned = [gift];
      joiner.free = [gift];
    }
    this.peers.push(joiner);
  }

  /** space.Donate: the biggest CIDR-aligned free block, only its upper half when it is over half the free space. */
  private donate(donor: Peer): AddressRange | null {
    let biggest: AddressRange | null = null;
    let biggestSize = 0;
    for (const chunk of donor.free) {
      if (chunk.end - chunk.start < biggestSize) continue;
      const cidr = biggestCidrRange(chunk);
      if (cidr.end - cidr.start >= biggestSize) {
        biggest = cidr;
        biggestSize = cidr.end - cidr.start;
      }
    }
    if (!biggest || biggestSize === 0) return null;
    if (biggestSize > Math.floor(size(donor.free) / 2))
      biggest = { start: biggest.start + Math.floor(biggestSize / 2), end: biggest.end };
    donor.owned = subtractRange(donor.owned, biggest.start, biggest.end);
    donor.free = subtractRange(donor.free, biggest.start, biggest.end);
    return biggest;
  }

  /** The lowest free address the peer owns (never the range's network or broadcast address). */
  allocate(name: string, isTaken: (ip: number) => boolean = () => false): number | null {
    const p = this.peer(name);
    if (!p) return null;
    const low = this.range.start + 1;
    const high = this.range.end - 2;
    for (const chunk of p.free) {
      for (let ip = Math.max(chunk.start, low); ip < chunk.end && ip <= high; ip++) {
        if (isTaken(ip)) continue;
        p.free = subtractRange(p.free, ip, ip + 1);
        return ip;
      }
    }
    return null;
  }

  /** Number of addresses the peer owns that are still free. */
  freeCount(name: string): number {
    return size(this.peer(name)?.free ?? []);
  }

  /** What the peer owns, as CIDR blocks `[network, prefix]`, lowest first. */
  ownedCidrs(name: string): [number, number][] {
    return (this.peer(name)?.owned ?? []).flatMap(rangeToCidrs);
  }
}
