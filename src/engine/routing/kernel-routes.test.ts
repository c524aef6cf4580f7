import { describe, expect, test } from 'vitest';
import type { InterfaceAddress } from './interface-address.ts';
import { kernelRoutes } from './kernel-routes.ts';
import { formatRoute } from './format-routes.ts';

const LO: InterfaceAddress = {
  dev: 'lo',
  address: '127.0.0.1',
  prefix: 8,
  broadcast: null,
  scope: 'host',
};
const WEAVE: InterfaceAddress = {
  dev: 'weave',
  address: '10.36.0.0',
  prefix: 12,
  broadcast: '10.47.255.255',
  scope: 'global',
};

const lines = (addresses: InterfaceAddress[], linkdown: string[] = []) =>
  kernelRoutes(addresses, { linkdown }).map((r) => `${r.table}: ${formatRoute(r)}`);

describe('kernelRoutes', () => {
  test('loopback: the whole /8 is local, plus the address and the broadcast', () => {
    expect(lines([LO])).toEqual([
      'local: local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 ',
      'local: local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 ',
      'local: broadcast 127.255.255.255 dev lo proto kernel scope link src 127.0.0.1 ',
    ]);
  });

  test('an address that is not the first of its subnet still gets the subnet route', () => {
    expect(lines([WEAVE])).toEqual([
      'local: local 10.36.0.0 dev weave proto kernel scope host src 10.36.0.0 ',
      'main: 10.32.0.0/12 dev weave proto kernel scope link src 10.36.0.0 ',
      'local: broadcast 10.47.255.255 dev weave proto kernel scope link src 10.36.0.0 ',
    ]);
  });

  test('no broadcast route for /31 and /32; no subnet route for /32', () => {
    const p2p = { ...WEAVE, dev: 'p0', address: '10.0.0.0', prefix: 31, broadcast: null };
    const host = { ...WEAVE, dev: 'h0', address: '10.9.9.9', prefix: 32, broadcast: null };
    expect(lines([p2p, host])).toEqual([
      'local: local 10.0.0.0 dev p0 proto kernel scope host src 10.0.0.0 ',
      'main: 10.0.0.0/31 dev p0 proto kernel scope link src 10.0.0.0 ',
      'local: local 10.9.9.9 dev h0 proto kernel scope host src 10.9.9.9 ',
    ]);
  });

  test('a device without carrier marks its link routes linkdown, not its local route', () => {
    const docker0 = {
      dev: 'docker0',
      address: '172.17.0.1',
      prefix: 16,
      broadcast: '172.17.255.255',
      scope: 'global' as const,
    };
    expect(lines([docker0], ['docker0'])).toEqual([
      'local: local 172.17.0.1 dev docker0 proto kernel scope host src 172.17.0.1 ',
      'main: 172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown ',
      'local: broadcast 172.17.255.255 dev docker0 proto kernel scope link src 172.17.0.1 linkdown ',
    ]);
  });

  test('duplicate routes from two addresses in one subnet are kept once', () => {
    const a = { ...WEAVE, dev: 'eth0', address: '192.168.1.10', prefix: 24, broadcast: null };
    const b = { ...a, address: '192.168.1.11' };
    const main = kernelRoutes([a, b]).filter((r) => r.table === 'main');
    expect(main).toHaveLength(1);
    expect(main[0]?.src).toBe('192.168.1.10');
  });
});
