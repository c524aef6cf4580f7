import { describe, expect, test } from 'vitest';
import type { InterfaceAddress } from './interface-address.ts';
import { kernelRoutes } from './kernel-routes.ts';
import { lookupRoute, nextHop } from './lookup.ts';
import { route } from './route.ts';
import type { RoutingNamespace } from './routing-namespace.ts';

function addr(dev: string, address: string, prefix: number): InterfaceAddress {
  return { dev, address, prefix, broadcast: null, scope: dev === 'lo' ? 'host' : 'global' };
}

function namespace(
  addresses: InterfaceAddress[],
  extra: RoutingNamespace['routes'],
): RoutingNamespace {
  const devs = [...new Set(addresses.map((a) => a.dev))];
  return {
    interfaces: devs.map((name) => ({ name, addresses: addresses.filter((a) => a.dev === name) })),
    routes: [...kernelRoutes(addresses), ...extra],
  };
}

/** node2 of the default lab. */
const HOST = namespace(
  [addr('lo', '127.0.0.1', 8), addr('eth0', '192.168.56.12', 24), addr('weave', '10.36.0.0', 12)],
  [route({ dst: '0.0.0.0/0', via: '192.168.56.1', dev: 'eth0' })],
);

/** A pod on node2. */
const POD = namespace(
  [addr('lo', '127.0.0.1', 8), addr('eth0', '10.36.0.1', 12)],
  [route({ dst: '0.0.0.0/0', via: '10.36.0.0', dev: 'eth0' })],
);

describe('lookupRoute', () => {
  test('the local table is consulted first: own addresses and all of 127/8 are local', () => {
    for (const dst of ['192.168.56.12', '10.36.0.0', '127.0.0.1', '127.1.2.3']) {
      const r = lookupRoute(HOST, dst);
      expect(r.type, dst).toBe('local');
      expect(r.dev).toBe('lo');
      expect(r.table).toBe('local');
    }
    expect(lookupRoute(HOST, '127.1.2.3').src).toBe('127.0.0.1');
    expect(lookupRoute(HOST, '10.36.0.0').src).toBe('10.36.0.0');
  });

  test('a pod reaching its own IP never leaves its namespace', () => {
    expect(lookupRoute(POD, '10.36.0.1')).toMatchObject({ type: 'local', dev: 'lo' });
  });

  test('subnet broadcast', () => {
    expect(lookupRoute(HOST, '10.47.255.255')).toMatchObject({ type: 'broadcast', dev: 'weave' });
  });

  test('longest prefix wins: a pod IP goes to the bridge, anything else to the default route', () => {
    expect(lookupRoute(HOST, '10.44.0.1')).toMatchObject({
      type: 'unicast',
      dev: 'weave',
      src: '10.36.0.0',
      table: 'main',
    });
    const out = lookupRoute(HOST, '10.96.0.10');
    expect(out).toMatchObject({ type: 'unicast', dev: 'eth0', via: '192.168.56.1' });
    expect(out.src).toBe('192.168.56.12');
    expect(nextHop(out)).toBe('192.168.56.1');
  });

  test('pod → ClusterIP via the default route, pod → pod on-link', () => {
    const svc = lookupRoute(POD, '10.100.100.100');
    expect(svc).toMatchObject({ type: 'unicast', dev: 'eth0', via: '10.36.0.0', src: '10.36.0.1' });
    const peer = lookupRoute(POD, '10.32.0.2');
    expect(peer).toMatchObject({ type: 'unicast', dev: 'eth0', src: '10.36.0.1' });
    expect(peer.via).toBeUndefined();
    expect(nextHop(peer)).toBe('10.32.0.2');
  });

  test('equal prefixes: the lowest metric wins', () => {
    const ns = namespace(
      [addr('eth0', '192.168.1.10', 24), addr('wlan0', '192.168.2.10', 24)],
      [
        route({ dst: '0.0.0.0/0', via: '192.168.2.1', dev: 'wlan0', metric: 600 }),
        route({ dst: '0.0.0.0/0', via: '192.168.1.1', dev: 'eth0', metric: 100 }),
      ],
    );
    expect(lookupRoute(ns, '8.8.8.8')).toMatchObject({
      dev: 'eth0',
      via: '192.168.1.1',
      src: '192.168.1.10',
    });
  });

  test('no route at all: ENETUNREACH', () => {
    const ns = namespace([addr('eth0', '192.168.1.10', 24)], []);
    expect(lookupRoute(ns, '8.8.8.8')).toMatchObject({
      type: 'unreachable',
      dev: null,
      src: null,
      route: null,
      errno: 'ENETUNREACH',
    });
  });

  test('unreachable / prohibit / blackhole routes', () => {
    const ns = namespace(
      [addr('eth0', '192.168.1.10', 24)],
      [
        route({ dst: '10.0.0.0/8', dev: null, type: 'unreachable' }),
        route({ dst: '10.1.0.0/16', dev: null, type: 'prohibit' }),
        route({ dst: '10.2.0.0/16', dev: null, type: 'blackhole' }),
      ],
    );
    expect(lookupRoute(ns, '10.9.9.9').errno).toBe('EHOSTUNREACH');
    expect(lookupRoute(ns, '10.1.9.9').errno).toBe('EACCES');
    expect(lookupRoute(ns, '10.2.9.9').errno).toBe('EINVAL');
  });

  test('a route without src takes the device address on the gateway subnet', () => {
    const ns = namespace(
      [addr('eth0', '10.0.0.5', 24), addr('eth0', '192.168.9.5', 24)],
      [route({ dst: '0.0.0.0/0', via: '192.168.9.1', dev: 'eth0' })],
    );
    expect(lookupRoute(ns, '1.1.1.1').src).toBe('192.168.9.5');
  });

  test('not an IPv4 address', () => {
    expect(lookupRoute(HOST, 'nope')).toMatchObject({ type: 'unreachable', errno: 'EINVAL' });
  });
});
