import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr, parseIp } from '../net/ip.ts';
import {
  ClusterIPAllocator,
  clusterIPError,
  NodePortAllocator,
  nodePortError,
} from './service-allocator.ts';
import { service } from './testing.ts';

const range = parseCidr('10.96.0.0/12')!;

describe('ClusterIPAllocator', () => {
  it('claims requested addresses once, inside the range only', () => {
    const a = new ClusterIPAllocator(range);
    expect(a.claim('10.96.0.10')).toBe('ok');
    expect(a.claim('10.96.0.10')).toBe('taken');
    expect(a.claim('10.0.0.5')).toBe('out-of-range');
    expect(a.claim('10.96.0.0')).toBe('out-of-range');
    expect(a.claim('10.111.255.255')).toBe('out-of-range');
    expect(a.claim('10.111.255.254')).toBe('ok');
  });

  it('allocates deterministically from the upper part of the range, never twice', () => {
    const a = new ClusterIPAllocator(range);
    const b = new ClusterIPAllocator(range);
    const first = a.allocate('default/web');
    expect(first).toBe(b.allocate('default/web'));
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const ip = a.allocate('default/web');
      expect(ip).not.toBeNull();
      const parsed = parseIp(ip ?? '')!;
      expect(cidrContains(range, parsed)).toBe(true);
      expect(parsed.family === 4 && parsed.value).toBeGreaterThan(
        parseIp('10.96.1.0')!.value as number,
      );
      expect(seen.has(ip ?? '')).toBe(false);
      seen.add(ip ?? '');
    }
  });

  it('falls back to the lower part, then reports a full range', () => {
    const a = new ClusterIPAllocator(parseCidr('10.0.0.0/28')!);
    const got = Array.from({ length: 15 }, () => a.allocate('x'));
    expect(got.slice(0, 14).every((ip) => ip !== null)).toBe(true);
    expect(new Set(got.slice(0, 14)).size).toBe(14);
    expect(got[14]).toBeNull();
  });

  it('words allocation errors like the 1.20–1.32 bitmap allocator', () => {
    expect(clusterIPError(service({ clusterIP: '10.0.0.5' }), 'out-of-range', range).message).toBe(
      'spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
    expect(clusterIPError(service({ clusterIP: '10.96.0.10' }), 'taken', range).message).toBe(
      'spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
  });
});

describe('NodePortAllocator', () => {
  it('checks, takes and allocates in 30000-32767', () => {
    const a = new NodePortAllocator();
    expect(a.check(30080)).toBe('ok');
    a.take(30080);
    expect(a.check(30080)).toBe('taken');
    expect(a.check(80)).toBe('out-of-range');
    expect(a.check(32768)).toBe('out-of-range');
    const port = a.allocate('default/web/ports/0');
    expect(port).toBeGreaterThanOrEqual(30086);
    expect(port).toBeLessThanOrEqual(32767);
    expect(new NodePortAllocator().allocate('default/web/ports/0')).toBe(port);
  });

  it('words NodePort errors like the API server', () => {
    expect(nodePortError(['spec', 'ports', 0, 'nodePort'], 80, 'out-of-range').message).toBe(
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    expect(nodePortError(['spec', 'ports', 1, 'nodePort'], 30080, 'taken').message).toBe(
      'spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated',
    );
  });
});
