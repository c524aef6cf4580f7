import { describe, expect, it } from 'vitest';
import { formatCidr, formatIp, parseCidr, parseIp } from '../net/ip.ts';
import {
  addRange,
  biggestCidrRange,
  rangeToCidrs,
  subtractRange,
  WeaveIpam,
} from './ipam-weave.ts';

const ip = (text: string) => {
  const parsed = parseIp(text);
  if (parsed?.family !== 4) throw new Error(text);
  return parsed.value;
};
const show = (n: number | null) => (n === null ? null : formatIp({ family: 4, value: n }));
const cidrs = (ipam: WeaveIpam, name: string) =>
  ipam
    .ownedCidrs(name)
    .map(([net, prefix]) => formatCidr({ ip: { family: 4, value: net }, prefix }));
const weave = () => new WeaveIpam(parseCidr('10.32.0.0/12')!);

describe('biggestCidrRange (weave net/address test vectors)', () => {
  const r = (start: number, size: number) => ({ start, end: start + size });
  it.each([
    [r(0, 1), r(0, 1)],
    [r(1, 2), r(1, 1)],
    [r(1, 3), r(2, 2)],
    [r(0, 0x7fffffff), r(0, 0x40000000)],
    [r(0xfffffffe, 1), r(0xfffffffe, 1)],
  ])('%o → %o', (input, expected) => {
    expect(biggestCidrRange(input)).toEqual(expected);
  });

  it('always returns an aligned power-of-two block inside the range, over a quarter of it', () => {
    for (let start = 0; start < 300; start += 7) {
      for (let size = 1; size < 700; size += 13) {
        const b = biggestCidrRange(r(start, size));
        const n = b.end - b.start;
        expect(b.start).toBeGreaterThanOrEqual(start);
        expect(b.end).toBeLessThanOrEqual(start + size);
        expect(n & (n - 1)).toBe(0);
        expect(b.start % n).toBe(0);
        expect(n).toBeGreaterThan(size / 4);
      }
    }
  });
});

describe('range arithmetic', () => {
  it('adds, coalesces and subtracts', () => {
    expect(addRange([{ start: 0, end: 4 }], 4, 8)).toEqual([{ start: 0, end: 8 }]);
    expect(subtractRange([{ start: 0, end: 8 }], 2, 4)).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 8 },
    ]);
  });

  it('splits ranges into CIDR blocks', () => {
    expect(rangeToCidrs({ start: ip('10.32.0.0'), end: ip('10.36.0.0') })).toEqual([
      [ip('10.32.0.0'), 14],
    ]);
    expect(
      rangeToCidrs({ start: ip('10.0.0.1'), end: ip('10.0.0.4') }).map(
        ([n, p]) => `${show(n)}/${p}`,
      ),
    ).toEqual(['10.0.0.1/32', '10.0.0.2/31']);
  });
});

describe('WeaveIpam: kubeadm join order (datapath.md §4.3)', () => {
  function lab(workers: number): WeaveIpam {
    const ipam = weave();
    ipam.join('master');
    expect(show(ipam.allocate('master'))).toBe('10.32.0.1'); // weave expose: the bridge
    expect(show(ipam.allocate('master'))).toBe('10.32.0.2'); // CoreDNS
    expect(show(ipam.allocate('master'))).toBe('10.32.0.3');
    for (let i = 1; i <= workers; i++) ipam.join(`node${i}`);
    return ipam;
  }

  it('gives the first peer the whole range', () => {
    const ipam = weave();
    ipam.join('master');
    expect(cidrs(ipam, 'master')).toEqual(['10.32.0.0/12']);
  });

  it('node1 10.44.0.0/14, node2 10.36.0.0/14, node3 10.42.0.0/15, node4 10.40.0.0/15', () => {
    const ipam = lab(4);
    expect(cidrs(ipam, 'node1')).toEqual(['10.44.0.0/14']);
    expect(cidrs(ipam, 'node2')).toEqual(['10.36.0.0/14']);
    expect(cidrs(ipam, 'node3')).toEqual(['10.42.0.0/15']);
    expect(cidrs(ipam, 'node4')).toEqual(['10.40.0.0/15']);
    expect(cidrs(ipam, 'master')).toEqual(['10.32.0.0/14']);
  });

  it('gives worker bridges the .0 address of their block, then pods .1, .2, …', () => {
    const ipam = lab(2);
    expect(show(ipam.allocate('node2'))).toBe('10.36.0.0');
    expect(show(ipam.allocate('node2'))).toBe('10.36.0.1');
    expect(show(ipam.allocate('node2'))).toBe('10.36.0.2');
    expect(show(ipam.allocate('node1'))).toBe('10.44.0.0');
  });

  it('skips addresses already taken, and never hands out the broadcast address', () => {
    const ipam = lab(1);
    const taken = new Set([ip('10.44.0.0'), ip('10.44.0.1')]);
    expect(show(ipam.allocate('node1', (a) => taken.has(a)))).toBe('10.44.0.2');
    const tiny = new WeaveIpam(parseCidr('10.0.0.0/30')!);
    tiny.join('a');
    expect([tiny.allocate('a'), tiny.allocate('a'), tiny.allocate('a')].map(show)).toEqual([
      '10.0.0.1',
      '10.0.0.2',
      null,
    ]);
  });

  it('donates from the peer with the most free space (ties: the earlier peer)', () => {
    const ipam = weave();
    ipam.join('a');
    ipam.join('b');
    expect(cidrs(ipam, 'b')).toEqual(['10.40.0.0/13']);
    ipam.join('c'); // a and b are equal: a donates
    expect(cidrs(ipam, 'c')).toEqual(['10.36.0.0/14']);
    expect(ipam.freeCount('a')).toBe(2 ** 18);
  });

  it('returns null for peers that never joined', () => {
    expect(weave().allocate('ghost')).toBeNull();
  });
});
