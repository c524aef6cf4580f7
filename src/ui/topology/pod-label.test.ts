import { describe, expect, test } from 'vitest';
import { badgeName, shortPodName } from './pod-label.ts';
import { networkOf } from './subnet.ts';
import { svgPath } from './link-path.ts';

describe('pod labels', () => {
  test('a ReplicaSet’s pod drops the template hash', () => {
    const rs = { kind: 'ReplicaSet', name: 'deploy-nginx-7b9c6d5f4' };
    expect(shortPodName('deploy-nginx-7b9c6d5f4-2xkqp', rs)).toBe('deploy-nginx…2xkqp');
    expect(shortPodName('client', null)).toBe('client');
  });

  test('a DaemonSet’s pod is badged with the DaemonSet’s name', () => {
    expect(badgeName('kube-proxy-4s9dg', { kind: 'DaemonSet', name: 'kube-proxy' })).toBe(
      'kube-proxy',
    );
  });

  test('long names keep their head and tail', () => {
    const s = shortPodName('a-very-long-pod-name-that-goes-on-and-on-x1', null);
    expect(s.length).toBeLessThanOrEqual(22);
    expect(s.endsWith('-on-x1')).toBe(true);
  });
});

describe('helpers', () => {
  test('networkOf', () => {
    expect(networkOf('192.168.56.11', 24)).toBe('192.168.56.0/24');
    expect(networkOf('10.44.0.0', 12)).toBe('10.32.0.0/12');
    expect(networkOf('x', 24)).toBeNull();
  });

  test('svgPath rounds the corners of a polyline', () => {
    expect(
      svgPath([
        { x: 0, y: 0 },
        { x: 0, y: 10 },
      ]),
    ).toBe('M 0 0 L 0 10');
    expect(
      svgPath([
        { x: 0, y: 0 },
        { x: 0, y: 20 },
        { x: 20, y: 20 },
      ]),
    ).toBe('M 0 0 L 0 14 Q 0 20 6 20 L 20 20');
  });
});
