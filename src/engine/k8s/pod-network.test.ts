import { describe, expect, it } from 'vitest';
import { parseCidr } from '../net/ip.ts';
import { PodNetwork } from './pod-network.ts';

const weaveRange = parseCidr('10.32.0.0/12')!;

describe('PodNetwork', () => {
  it('weave: bridges from Weave IPAM (/12), pods lowest-free, ranges from ownership', () => {
    const net = new PodNetwork('weave', weaveRange);
    net.join('master');
    expect([net.allocate('master'), net.allocate('master')]).toEqual(['10.32.0.2', '10.32.0.3']);
    net.join('node1');
    net.join('node2');
    expect(net.describe('master')).toEqual({
      bridge: { name: 'weave', ip: '10.32.0.1', prefix: 12 },
      podRanges: ['10.32.0.0/14', '10.40.0.0/14'],
    });
    expect(net.describe('node1')).toEqual({
      bridge: { name: 'weave', ip: '10.44.0.0', prefix: 12 },
      podRanges: ['10.44.0.0/14'],
    });
    expect(net.describe('node2').bridge.ip).toBe('10.36.0.0');
    expect([net.allocate('node2'), net.allocate('node2'), net.allocate('node2')]).toEqual([
      '10.36.0.1',
      '10.36.0.2',
      '10.36.0.3',
    ]);
  });

  it('weave: reserved addresses (pasted pods) are skipped, and cannot be reserved twice', () => {
    const net = new PodNetwork('weave', weaveRange);
    expect(net.reserve('node1', '10.44.0.1')).toBe(true);
    expect(net.reserve('node2', '10.44.0.1')).toBe(false);
    net.join('master');
    net.join('node1');
    expect(net.allocate('node1')).toBe('10.44.0.2');
  });

  it('docker: every node has docker0 172.17.0.1/16 and numbers its pods on its own', () => {
    const net = new PodNetwork('docker', weaveRange);
    net.join('a');
    net.join('b');
    expect([net.allocate('a'), net.allocate('a'), net.allocate('b')]).toEqual([
      '172.17.0.2',
      '172.17.0.3',
      '172.17.0.2',
    ]);
    expect(net.describe('b')).toEqual({
      bridge: { name: 'docker0', ip: '172.17.0.1', prefix: 16 },
      podRanges: ['172.17.0.0/16'],
    });
    expect(net.reserve('a', '172.17.0.9')).toBe(true);
    expect(net.reserve('b', '172.17.0.9')).toBe(true);
  });

  it('podCIDR: gateway .1 on the bridge, pods from .2, until the range is full', () => {
    const net = new PodNetwork('weave', weaveRange);
    net.join('w1', '10.244.1.0/30');
    expect(net.describe('w1')).toEqual({
      bridge: { name: 'weave', ip: '10.244.1.1', prefix: 30 },
      podRanges: ['10.244.1.0/30'],
    });
    expect([net.allocate('w1'), net.allocate('w1')]).toEqual(['10.244.1.2', null]);
  });

  it('gives nothing to a node that never joined', () => {
    expect(new PodNetwork('weave', weaveRange).allocate('ghost')).toBeNull();
  });
});
