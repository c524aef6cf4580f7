import { describe, expect, test } from 'vitest';
import { dockerMac, dockerVethName, localMac, weaveVethName } from './identifiers.ts';

describe('identifiers', () => {
  test('Docker ≤ 27 MAC: 02:42 + the IP octets', () => {
    expect(dockerMac('172.17.0.2')).toBe('02:42:ac:11:00:02');
    expect(dockerMac('172.17.255.254')).toBe('02:42:ac:11:ff:fe');
  });

  test('veth names: vethwepl / veth + 7 hex, stable per pod', () => {
    const pod = { namespace: 'default', name: 'web-1' };
    expect(weaveVethName(pod)).toMatch(/^vethwepl[0-9a-f]{7}$/);
    expect(dockerVethName(pod)).toMatch(/^veth[0-9a-f]{7}$/);
    expect(weaveVethName(pod)).toBe(weaveVethName({ ...pod }));
    expect(weaveVethName(pod)).not.toBe(weaveVethName({ namespace: 'default', name: 'web-2' }));
    // Interface names must stay under IFNAMSIZ (16 with the NUL).
    expect(weaveVethName(pod).length).toBeLessThanOrEqual(15);
  });

  test('locally administered unicast MACs', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const first = parseInt(localMac(seed).slice(0, 2), 16);
      expect(first & 0x03).toBe(0x02);
    }
  });
});
