import { describe, expect, test } from 'vitest';
import { addressType, isLocalAddress } from './address-type.ts';
import { kernelRoutes } from './kernel-routes.ts';
import type { RoutingNamespace } from './routing-namespace.ts';

const addresses = [
  { dev: 'lo', address: '127.0.0.1', prefix: 8, broadcast: null, scope: 'host' as const },
  {
    dev: 'eth0',
    address: '192.168.56.10',
    prefix: 24,
    broadcast: '192.168.56.255',
    scope: 'global' as const,
  },
  {
    dev: 'weave',
    address: '10.32.0.1',
    prefix: 12,
    broadcast: '10.47.255.255',
    scope: 'global' as const,
  },
];
const MASTER: RoutingNamespace = { interfaces: [], routes: kernelRoutes(addresses) };

describe('addressType', () => {
  test('LOCAL: every configured address and all of 127.0.0.0/8', () => {
    for (const a of ['192.168.56.10', '10.32.0.1', '127.0.0.1', '127.0.0.53']) {
      expect(addressType(MASTER, a), a).toBe('LOCAL');
      expect(isLocalAddress(MASTER, a)).toBe(true);
    }
  });

  test('UNICAST: other nodes, pods, ClusterIPs', () => {
    for (const a of ['192.168.56.11', '10.32.0.2', '10.96.0.10', '203.0.113.50']) {
      expect(addressType(MASTER, a), a).toBe('UNICAST');
    }
  });

  test('BROADCAST and MULTICAST', () => {
    expect(addressType(MASTER, '192.168.56.255')).toBe('BROADCAST');
    expect(addressType(MASTER, '255.255.255.255')).toBe('BROADCAST');
    expect(addressType(MASTER, '0.0.0.0')).toBe('BROADCAST');
    expect(addressType(MASTER, '224.0.0.251')).toBe('MULTICAST');
  });
});
