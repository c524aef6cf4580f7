import { describe, expect, test } from 'vitest';
import { kernelRoutes } from './kernel-routes.ts';
import { lookupRoute } from './lookup.ts';
import { formatRoute, formatRouteGet, formatRoutes } from './format-routes.ts';
import { route } from './route.ts';
import type { RoutingNamespace } from './routing-namespace.ts';

const addresses = [
  { dev: 'lo', address: '127.0.0.1', prefix: 8, broadcast: null, scope: 'host' as const },
  {
    dev: 'eth0',
    address: '192.168.56.12',
    prefix: 24,
    broadcast: '192.168.56.255',
    scope: 'global' as const,
  },
  {
    dev: 'weave',
    address: '10.36.0.0',
    prefix: 12,
    broadcast: '10.47.255.255',
    scope: 'global' as const,
  },
];
const NODE2: RoutingNamespace = {
  interfaces: ['lo', 'eth0', 'weave'].map((name) => ({
    name,
    addresses: addresses.filter((a) => a.dev === name),
  })),
  routes: [
    ...kernelRoutes(addresses),
    route({ dst: '0.0.0.0/0', via: '192.168.56.1', dev: 'eth0' }),
  ],
};

describe('formatRoute', () => {
  test('fields in iproute2 order, each followed by a space', () => {
    expect(
      formatRoute(
        route({
          dst: '0.0.0.0/0',
          via: '10.0.0.1',
          dev: 'eth0',
          proto: 'dhcp',
          src: '10.0.0.5',
          metric: 100,
        }),
      ),
    ).toBe('default via 10.0.0.1 dev eth0 proto dhcp src 10.0.0.5 metric 100 ');
    expect(formatRoute(route({ dst: '10.0.0.0/8', dev: null, type: 'unreachable' }))).toBe(
      'unreachable 10.0.0.0/8 ',
    );
    expect(formatRoute(route({ dst: '10.1.2.3/32', dev: 'eth0', scope: 'link' }))).toBe(
      '10.1.2.3 dev eth0 scope link ',
    );
  });
});

describe('formatRoutes', () => {
  test('ip route: default first, then by address', () => {
    expect(formatRoutes(NODE2)).toBe(
      'default via 192.168.56.1 dev eth0 \n' +
        '10.32.0.0/12 dev weave proto kernel scope link src 10.36.0.0 \n' +
        '192.168.56.0/24 dev eth0 proto kernel scope link src 192.168.56.12 \n',
    );
  });

  test('ip route show table local: by address, longer prefix first', () => {
    expect(formatRoutes(NODE2, 'local')).toBe(
      'local 10.36.0.0 dev weave proto kernel scope host src 10.36.0.0 \n' +
        'broadcast 10.47.255.255 dev weave proto kernel scope link src 10.36.0.0 \n' +
        'local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 \n' +
        'local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 \n' +
        'broadcast 127.255.255.255 dev lo proto kernel scope link src 127.0.0.1 \n' +
        'local 192.168.56.12 dev eth0 proto kernel scope host src 192.168.56.12 \n' +
        'broadcast 192.168.56.255 dev eth0 proto kernel scope link src 192.168.56.12 \n',
    );
  });
});

describe('formatRouteGet', () => {
  test('unicast, local, broadcast and unreachable answers', () => {
    expect(formatRouteGet(lookupRoute(NODE2, '10.96.0.10'))).toBe(
      '10.96.0.10 via 192.168.56.1 dev eth0 src 192.168.56.12 uid 0 \n    cache \n',
    );
    expect(formatRouteGet(lookupRoute(NODE2, '10.44.0.1'))).toBe(
      '10.44.0.1 dev weave src 10.36.0.0 uid 0 \n    cache \n',
    );
    expect(formatRouteGet(lookupRoute(NODE2, '192.168.56.12'))).toBe(
      'local 192.168.56.12 dev lo src 192.168.56.12 uid 0 \n    cache <local> \n',
    );
    expect(formatRouteGet(lookupRoute(NODE2, '10.47.255.255'))).toBe(
      'broadcast 10.47.255.255 dev weave src 10.36.0.0 uid 0 \n    cache <local,brd> \n',
    );
    const isolated = { ...NODE2, routes: NODE2.routes.filter((r) => r.dst !== '0.0.0.0/0') };
    expect(formatRouteGet(lookupRoute(isolated, '8.8.8.8'))).toBe(
      'RTNETLINK answers: Network is unreachable\n',
    );
  });
});
