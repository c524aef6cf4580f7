import { describe, expect, it } from 'vitest';
import { ruleMatches } from '../test-fixtures.ts';

const node = { addresses: ['eth0 192.168.56.11/24', 'lo 127.0.0.1/8', 'weave 10.44.0.0/12'] };
const to = (dst: string) => ({ src: '203.0.113.50', dst, proto: 'tcp', dport: 30080 });

describe('addrtype match', () => {
  it('classifies destinations like the local routing table', () => {
    const local = '-m addrtype --dst-type LOCAL';
    expect(ruleMatches(local, to('192.168.56.11'), node)).toBe(true);
    expect(ruleMatches(local, to('10.44.0.0'), node)).toBe(true);
    expect(ruleMatches(local, to('127.0.0.1'), node)).toBe(true);
    expect(ruleMatches(local, to('127.3.2.1'), node)).toBe(true); // the whole loopback subnet
    expect(ruleMatches(local, to('192.168.56.12'), node)).toBe(false);
    expect(ruleMatches('-m addrtype --dst-type UNICAST', to('192.168.56.12'), node)).toBe(true);
    expect(ruleMatches('-m addrtype --dst-type UNICAST', to('192.168.56.11'), node)).toBe(false);
    expect(ruleMatches('-m addrtype --dst-type BROADCAST', to('192.168.56.255'), node)).toBe(true);
    expect(ruleMatches('-m addrtype --dst-type BROADCAST', to('255.255.255.255'), node)).toBe(true);
    expect(ruleMatches('-m addrtype --dst-type BROADCAST', to('0.0.0.0'), node)).toBe(true);
    expect(ruleMatches('-m addrtype --dst-type MULTICAST', to('224.0.0.251'), node)).toBe(true);
    expect(ruleMatches('-m addrtype --dst-type LOCAL,BROADCAST', to('192.168.56.255'), node)).toBe(
      true,
    );
  });

  it('negates and tests the source too', () => {
    expect(ruleMatches('-m addrtype ! --dst-type LOCAL', to('8.8.8.8'), node)).toBe(true);
    expect(ruleMatches('-m addrtype ! --dst-type LOCAL', to('192.168.56.11'), node)).toBe(false);
    const fromNode = { src: '192.168.56.11', dst: '10.96.0.1', proto: 'tcp', dport: 443 };
    expect(ruleMatches('-m addrtype --src-type LOCAL', fromNode, node)).toBe(true);
    expect(ruleMatches('-m addrtype ! --src-type LOCAL', fromNode, node)).toBe(false);
    expect(ruleMatches('-m addrtype --src-type LOCAL --dst-type LOCAL', fromNode, node)).toBe(
      false,
    );
  });

  it('limits the lookup to the input or output interface', () => {
    const viaEth0 = { ...node, inIface: 'eth0' };
    expect(
      ruleMatches('-m addrtype --dst-type LOCAL --limit-iface-in', to('192.168.56.11'), viaEth0),
    ).toBe(true);
    expect(
      ruleMatches('-m addrtype --dst-type LOCAL --limit-iface-in', to('10.44.0.0'), viaEth0),
    ).toBe(false);
    const outWeave = { ...node, outIface: 'weave' };
    expect(
      ruleMatches('-m addrtype --dst-type LOCAL --limit-iface-out', to('10.44.0.0'), outWeave),
    ).toBe(true);
    expect(
      ruleMatches(
        '-m addrtype --dst-type UNICAST --limit-iface-out',
        to('192.168.56.11'),
        outWeave,
      ),
    ).toBe(true);
  });

  it('knows IPv6 local, loopback and multicast addresses', () => {
    const v6node = { addresses: ['eth0 fd00::11/64', 'lo ::1/128'] };
    const to6 = (dst: string) => ({ src: 'fd00::99', dst, proto: 'tcp', dport: 80 });
    expect(ruleMatches('-m addrtype --dst-type LOCAL', to6('fd00::11'), v6node, 6)).toBe(true);
    expect(ruleMatches('-m addrtype --dst-type LOCAL', to6('::1'), v6node, 6)).toBe(true);
    expect(ruleMatches('-m addrtype --dst-type LOCAL', to6('fd00::12'), v6node, 6)).toBe(false);
    expect(ruleMatches('-m addrtype --dst-type MULTICAST', to6('ff02::1'), v6node, 6)).toBe(true);
    expect(ruleMatches('-m addrtype --dst-type UNICAST', to6('fd00::12'), v6node, 6)).toBe(true);
    expect(ruleMatches('-m addrtype --dst-type UNICAST', to6('ff02::1'), v6node, 6)).toBe(false);
  });
});
