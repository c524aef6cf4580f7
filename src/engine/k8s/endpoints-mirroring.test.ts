import { describe, expect, it } from 'vitest';
import type { LegacyEndpoints } from './api-types.ts';
import { mirrorEndpoints } from './endpoints-mirroring.ts';
import { makeResource } from './resources.ts';

const endpoints = (extra: Partial<LegacyEndpoints> = {}): LegacyEndpoints => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'db', labels: { team: 'data' } },
  subsets: [
    {
      addresses: [{ ip: '10.0.0.5', nodeName: 'node1' }, { ip: '10.000.0.6' }],
      notReadyAddresses: [{ ip: '10.0.0.7' }],
      ports: [{ name: 'pg', port: 5432 }],
    },
  ],
  ...extra,
});

describe('mirrorEndpoints', () => {
  it('mirrors each subset into a slice like the mirroring controller', () => {
    const [slice, ...rest] = mirrorEndpoints(makeResource('Endpoints', endpoints()), new Set());
    expect(rest).toEqual([]);
    expect(slice?.metadata?.name).toMatch(/^db-.{5}$/);
    expect(slice?.metadata?.labels).toEqual({
      team: 'data',
      'kubernetes.io/service-name': 'db',
      'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io',
    });
    expect(slice?.addressType).toBe('IPv4');
    expect(slice?.ports).toEqual([{ name: 'pg', port: 5432, protocol: 'TCP' }]);
    expect(slice?.endpoints).toEqual([
      { addresses: ['10.0.0.5'], conditions: { ready: true }, nodeName: 'node1' },
      { addresses: ['10.0.0.6'], conditions: { ready: true } },
      { addresses: ['10.0.0.7'], conditions: { ready: false } },
    ]);
  });

  it('splits address families and honours skip-mirror', () => {
    const mixed = endpoints({
      subsets: [{ addresses: [{ ip: '10.0.0.5' }, { ip: 'fd00::5' }], ports: [{ port: 80 }] }],
    });
    expect(
      mirrorEndpoints(makeResource('Endpoints', mixed), new Set()).map((s) => s.addressType),
    ).toEqual(['IPv4', 'IPv6']);
    const skipped = endpoints({
      metadata: { name: 'db', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    });
    expect(mirrorEndpoints(makeResource('Endpoints', skipped), new Set())).toEqual([]);
  });
});
