/**
 * ClusterIP and NodePort allocation, like the API server's bitmap allocators: requested values
 * are checked (range, already allocated) with the 1.20–1.32 messages; missing ones are picked
 * pseudo-randomly (seeded by the Service's name) from the upper part of the range.
 */
import {
  canonicalIp,
  cidrContains,
  cidrSize,
  formatCidr,
  formatIp,
  parseIp,
  type Cidr,
} from '../net/ip.ts';
import type { Service } from './api-types.ts';
import { invalid, type FieldError } from './field-errors.ts';
import { createRng } from './naming.ts';
import { clusterIPPath, givenClusterIP } from './validate-service.ts';

/** A bitmap of `size` offsets; dynamic picks start in [band, size), like randomScanStrategyWithOffset. */
class OffsetBitmap {
  private readonly size: number;
  private readonly band: number;
  private readonly used = new Set<number>();

  constructor(size: number, band: number) {
    this.size = size;
    this.band = band;
  }

  has(offset: number): boolean {
    return this.used.has(offset);
  }

  take(offset: number): void {
    this.used.add(offset);
  }

  /** A free offset: random start in the upper part, scanning forward; then the lower part. */
  next(seed: string): number | null {
    const rng = createRng(seed);
    const scan = (from: number, to: number): number | null => {
      const n = to - from;
      if (n <= 0) return null;
      const start = rng.below(n);
      for (let i = 0; i < n; i++) {
        const offset = from + ((start + i) % n);
        if (!this.used.has(offset)) return offset;
      }
      return null;
    };
    const offset = scan(this.band, this.size) ?? scan(0, Math.min(this.band, this.size));
    if (offset !== null) this.used.add(offset);
    return offset;
  }
}

/** calculateRangeOffset: min(max(min, size/step), max). */
function bandSize(size: number, min: number, max: number, step: number): number {
  if (size < min) return 0;
  return Math.min(Math.max(min, Math.floor(size / step)), max);
}

/** The service ClusterIP range (network and broadcast addresses excluded). */
export class ClusterIPAllocator {
  readonly cidr: Cidr;
  private readonly base: number;
  private readonly bitmap: OffsetBitmap;
  private readonly size: number;

  constructor(cidr: Cidr) {
    this.cidr = cidr;
    this.base = (cidr.ip.family === 4 ? cidr.ip.value : 0) + 1;
    this.size = Math.max(0, cidrSize(cidr) - 2);
    this.bitmap = new OffsetBitmap(this.size, bandSize(cidrSize(cidr), 16, 256, 16));
  }

  /** Claims a requested address: `ok`, `taken`, or `out-of-range`. */
  claim(ip: string): 'ok' | 'taken' | 'out-of-range' {
    const parsed = parseIp(ip);
    if (!parsed || parsed.family !== 4 || !cidrContains(this.cidr, parsed)) return 'out-of-range';
    const offset = parsed.value - this.base;
    if (offset < 0 || offset >= this.size) return 'out-of-range';
    if (this.bitmap.has(offset)) return 'taken';
    this.bitmap.take(offset);
    return 'ok';
  }

  allocate(seed: string): string | null {
    const offset = this.bitmap.next(seed);
    return offset === null ? null : formatIp({ family: 4, value: this.base + offset });
  }
}

export const NODE_PORT_RANGE = { first: 30000, last: 32767 } as const;

/** The NodePort range 30000-32767. */
export class NodePortAllocator {
  private readonly bitmap: OffsetBitmap;
  private readonly size = NODE_PORT_RANGE.last - NODE_PORT_RANGE.first + 1;

  constructor() {
    this.bitmap = new OffsetBitmap(this.size, bandSize(this.size, 16, 128, 32));
  }

  /** Whether the port is free; does not take it. */
  check(port: number): 'ok' | 'taken' | 'out-of-range' {
    const offset = port - NODE_PORT_RANGE.first;
    if (offset < 0 || offset >= this.size) return 'out-of-range';
    return this.bitmap.has(offset) ? 'taken' : 'ok';
  }

  take(port: number): void {
    this.bitmap.take(port - NODE_PORT_RANGE.first);
  }

  allocate(seed: string): number | null {
    const offset = this.bitmap.next(seed);
    return offset === null ? null : NODE_PORT_RANGE.first + offset;
  }
}

/** The allocation error for a requested ClusterIP (bitmap allocator wording, Kubernetes 1.20–1.32). */
export function clusterIPError(
  svc: Service,
  outcome: 'taken' | 'out-of-range',
  range: Cidr,
): FieldError {
  const given = givenClusterIP(svc);
  const ip = canonicalIp(given) ?? given;
  const reason =
    outcome === 'taken'
      ? 'provided IP is already allocated'
      : `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${formatCidr(range)}`;
  return invalid(clusterIPPath(svc), [given], `failed to allocate IP ${ip}: ${reason}`, {
    shown: 'spec.clusterIPs',
  });
}

/** The allocation error for a requested NodePort (or healthCheckNodePort). */
export function nodePortError(
  at: (string | number)[],
  port: number,
  outcome: 'taken' | 'out-of-range',
): FieldError {
  const reason =
    outcome === 'taken'
      ? 'provided port is already allocated'
      : `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.first}-${NODE_PORT_RANGE.last}`;
  return invalid(at, port, reason);
}
