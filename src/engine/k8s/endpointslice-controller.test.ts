import { describe, expect, it } from 'vitest';
import type { Service } from './api-types.ts';
import type { ClusterPod } from './cluster-model.ts';
import { buildEndpointSlices, resolveTargetPort } from './endpointslice-controller.ts';
import { makeResource } from './resources.ts';
import { service } from './testing.ts';

function clusterPod(name: string, ip: string | null, extra: Partial<ClusterPod> = {}): ClusterPod {
  return {
    namespace: 'default',
    name,
    labels: { app: 'web' },
    nodeName: ip ? 'node1' : null,
    ip,
    hostNetwork: false,
    phase: ip ? 'Running' : 'Pending',
    ready: Boolean(ip),
    terminating: false,
    owner: null,
    containers: [
      {
        name: 'app',
        image: 'nginx',
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
      },
    ],
    ...extra,
  };
}

const slicesFor = (svc: Service, pods: ClusterPod[], taken = new Set<string>()) =>
  buildEndpointSlices(makeResource('Service', svc), pods, [], taken);

describe('resolveTargetPort', () => {
  it('resolves numbers, names (with protocol) and the default', () => {
    const pod = clusterPod('a', '10.0.0.1');
    expect(resolveTargetPort({ port: 80, targetPort: 9090 }, pod)).toBe(9090);
    expect(resolveTargetPort({ port: 80, targetPort: 'http' }, pod)).toBe(8080);
    expect(resolveTargetPort({ port: 80, targetPort: 'http', protocol: 'UDP' }, pod)).toBeNull();
    expect(resolveTargetPort({ port: 80 }, pod)).toBe(80);
  });
});

describe('buildEndpointSlices', () => {
  it('lists one endpoint per matching pod with an IP, with conditions, node and targetRef', () => {
    const pods = [
      clusterPod('b', '10.0.0.2', { nodeName: 'node2' }),
      clusterPod('a', '10.0.0.1', { ready: false }),
      clusterPod('pending', null),
      clusterPod('other', '10.0.0.9', { labels: { app: 'db' } }),
      clusterPod('done', '10.0.0.8', { phase: 'Succeeded' }),
      clusterPod('leaving', '10.0.0.3', { terminating: true }),
    ];
    const [slice, ...rest] = slicesFor(
      service({ ports: [{ name: 'http', port: 80, targetPort: 8080 }] }),
      pods,
    );
    expect(rest).toEqual([]);
    expect(slice?.metadata?.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice?.metadata?.labels).toEqual({
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'web',
    });
    expect(slice?.addressType).toBe('IPv4');
    expect(slice?.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(slice?.endpoints).toEqual([
      {
        addresses: ['10.0.0.1'],
        conditions: { ready: false, serving: false, terminating: false },
        nodeName: 'node1',
        targetRef: { kind: 'Pod', namespace: 'default', name: 'a' },
      },
      {
        addresses: ['10.0.0.2'],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: 'node2',
        targetRef: { kind: 'Pod', namespace: 'default', name: 'b' },
      },
      {
        addresses: ['10.0.0.3'],
        conditions: { ready: false, serving: true, terminating: true },
        nodeName: 'node1',
        targetRef: { kind: 'Pod', namespace: 'default', name: 'leaving' },
      },
    ]);
  });

  it('splits pods whose named targetPort resolves differently into different slices', () => {
    const other = clusterPod('b', '10.0.0.2', {
      containers: [
        {
          name: 'app',
          image: 'x',
          ports: [{ name: 'http', containerPort: 9090, protocol: 'TCP' }],
        },
      ],
    });
    const slices = slicesFor(service({ ports: [{ port: 80, targetPort: 'http' }] }), [
      clusterPod('a', '10.0.0.1'),
      other,
    ]);
    expect(slices.map((s) => [s.ports, s.endpoints?.map((e) => e.addresses?.[0])])).toEqual([
      [[{ name: '', port: 8080, protocol: 'TCP' }], ['10.0.0.1']],
      [[{ name: '', port: 9090, protocol: 'TCP' }], ['10.0.0.2']],
    ]);
    expect(new Set(slices.map((s) => s.metadata?.name)).size).toBe(2);
  });

  it('leaves out a port no pod declares (the endpoint stays, without that port)', () => {
    const [slice] = slicesFor(
      service({
        ports: [
          { name: 'a', port: 80, targetPort: 'nope' },
          { name: 'b', port: 81, targetPort: 81 },
        ],
      }),
      [clusterPod('a', '10.0.0.1')],
    );
    expect(slice?.ports).toEqual([{ name: 'b', port: 81, protocol: 'TCP' }]);
  });

  it('creates an empty placeholder slice when nothing matches', () => {
    const [slice, ...rest] = slicesFor(service(), []);
    expect(rest).toEqual([]);
    expect(slice?.endpoints).toEqual([]);
    expect(slice?.ports).toBeNull();
  });

  it('puts at most 100 endpoints in a slice', () => {
    const pods = Array.from({ length: 250 }, (_, i) =>
      clusterPod(`p${String(i).padStart(3, '0')}`, `10.0.${i >> 8}.${i & 255}`),
    );
    expect(slicesFor(service(), pods).map((s) => s.endpoints?.length)).toEqual([100, 100, 50]);
  });

  it('marks endpoints ready when publishNotReadyAddresses is set', () => {
    const [slice] = slicesFor(service({ spec: { publishNotReadyAddresses: true } }), [
      clusterPod('a', '10.0.0.1', { ready: false }),
    ]);
    expect(slice?.endpoints?.[0]?.conditions).toEqual({
      ready: true,
      serving: false,
      terminating: false,
    });
  });

  it('makes no slices for Services without a selector or of type ExternalName', () => {
    expect(slicesFor(service({ selector: null }), [clusterPod('a', '10.0.0.1')])).toEqual([]);
    expect(slicesFor(service({ selector: {} }), [clusterPod('a', '10.0.0.1')])).toEqual([]);
    expect(slicesFor(service({ type: 'ExternalName' }), [clusterPod('a', '10.0.0.1')])).toEqual([]);
  });

  it('labels slices of headless Services', () => {
    expect(
      slicesFor(service({ clusterIP: 'None' }), [])[0]?.metadata?.labels?.[
        'service.kubernetes.io/headless'
      ],
    ).toBe('');
  });

  it('avoids names already taken and is deterministic', () => {
    const first = slicesFor(service(), [])[0]?.metadata?.name ?? '';
    expect(slicesFor(service(), [])[0]?.metadata?.name).toBe(first);
    expect(slicesFor(service(), [], new Set([`default/${first}`]))[0]?.metadata?.name).not.toBe(
      first,
    );
  });
});
