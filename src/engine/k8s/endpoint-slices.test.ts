import { describe, expect, it } from 'vitest';
import type { EndpointSlice, LegacyEndpoints } from './api-types.ts';
import { compileObjects, deployment, endpointSlice, messages, service } from './testing.ts';

const slicesOf = (r: ReturnType<typeof compileObjects>, svc: string) =>
  r.cluster?.endpointSlices.filter(
    (s) => s.metadata?.labels?.['kubernetes.io/service-name'] === svc,
  ) ?? [];

const legacy = (name: string, ips: string[]): LegacyEndpoints => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name },
  subsets: [{ addresses: ips.map((ip) => ({ ip })), ports: [{ port: 5432 }] }],
});

describe('EndpointSlices of the cluster', () => {
  it('keeps slices given for a Service without selector as they are', () => {
    const given = endpointSlice('db-1', 'db', ['192.168.56.100']);
    const r = compileObjects(
      service({ name: 'db', selector: null, ports: [{ port: 5432 }] }),
      given,
    );
    expect(messages(r.diagnostics)).toEqual([]);
    expect(slicesOf(r, 'db')).toEqual([
      { ...given, metadata: { ...given.metadata, namespace: 'default' } },
    ]);
  });

  it('mirrors legacy Endpoints of a Service without selector', () => {
    const r = compileObjects(
      service({ name: 'db', selector: null, ports: [{ port: 5432 }] }),
      legacy('db', ['192.168.56.100']),
    );
    const [slice] = slicesOf(r, 'db');
    expect(slice?.metadata?.labels?.['endpointslice.kubernetes.io/managed-by']).toBe(
      'endpointslicemirroring-controller.k8s.io',
    );
    expect(slice?.endpoints?.[0]?.addresses).toEqual(['192.168.56.100']);
  });

  it('ignores Endpoints of a Service with a selector, and warns about Endpoints without a Service', () => {
    const r = compileObjects(
      service(),
      deployment(),
      legacy('web', ['10.0.0.1']),
      legacy('ghost', ['10.0.0.2']),
    );
    expect(
      slicesOf(r, 'web').flatMap((s) => s.endpoints?.map((e) => e.addresses?.[0])),
    ).not.toContain('10.0.0.1');
    expect(messages(r.diagnostics)).toEqual([
      'Endpoints "ghost" has no Service of the same name: nothing mirrors it into an EndpointSlice, so kube-proxy never sees it',
    ]);
  });

  it('replaces pasted controller-managed slices of a selector Service with fresh ones', () => {
    const stale: EndpointSlice = endpointSlice('web-old', 'web', ['10.99.0.1']);
    stale.metadata = {
      ...stale.metadata,
      labels: {
        ...stale.metadata?.labels,
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
    };
    const custom = endpointSlice('web-custom', 'web', ['192.168.56.200']);
    const r = compileObjects(service(), deployment({ replicas: 1 }), stale, custom);
    const names = slicesOf(r, 'web').map((s) => s.metadata?.name);
    expect(names).not.toContain('web-old');
    expect(names).toContain('web-custom');
    expect(names).toHaveLength(2);
  });

  it('warns about slices kube-proxy will ignore', () => {
    const orphan = endpointSlice('x-1', 'nosuch', ['10.0.0.1']);
    const unlabelled: EndpointSlice = {
      ...endpointSlice('y-1', 'y', ['10.0.0.1']),
      metadata: { name: 'y-1' },
    };
    const r = compileObjects(orphan, unlabelled);
    expect(messages(r.diagnostics)).toEqual([
      'EndpointSlice "x-1" belongs to Service "nosuch", which does not exist: kube-proxy ignores it',
      'EndpointSlice "y-1" has no kubernetes.io/service-name label: kube-proxy ignores it',
    ]);
  });
});
