import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Service } from '../k8s/api-types.ts';
import { defaultProxierConfig } from './config.ts';
import { generateRestoreDocument } from './generate.ts';
import { formatRestoreDocument } from './restore-document.ts';

function service(n: number, name = 'web'): { svc: Service; slice: EndpointSlice } {
  const svc: Service = {
    metadata: { namespace: 'default', name },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.50',
      ports: [{ name: 'http', protocol: 'TCP', port: 80 }],
    },
  };
  const slice: EndpointSlice = {
    metadata: {
      namespace: 'default',
      name: `${name}-abc`,
      labels: { 'kubernetes.io/service-name': name },
    },
    addressType: 'IPv4',
    endpoints: Array.from({ length: n }, (_, i) => ({
      addresses: [`10.44.${i >> 8}.${(i & 255) + 1}`],
      conditions: { ready: true },
      nodeName: 'node1',
    })),
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  };
  return { svc, slice };
}

/** The overall chance of each KUBE-SEP jump, following the rules top to bottom. */
function shares(restore: string, svcChain: string): number[] {
  const rules = restore
    .split('\n')
    .filter((l) => l.startsWith(`-A ${svcChain} `) && l.includes('-j KUBE-SEP-'));
  let remaining = 1;
  return rules.map((r) => {
    const m = /--probability (\S+)/.exec(r);
    const p = m ? Number(m[1]) : 1;
    const share = remaining * p;
    remaining -= share;
    return share;
  });
}

describe('kube-proxy probability ladder', () => {
  it('gives every endpoint 1/n of new connections', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (n) => {
        const { svc, slice } = service(n);
        const text = formatRestoreDocument(
          generateRestoreDocument(
            { services: [svc], endpointSlices: [slice] },
            defaultProxierConfig('node1', '192.168.56.11'),
          ),
        );
        const svcChain = /-j (KUBE-SVC-\S+)/.exec(text)?.[1] ?? '';
        const s = shares(text, svcChain);
        expect(s).toHaveLength(n);
        for (const share of s) expect(Math.abs(share - 1 / n)).toBeLessThan(1e-7);
      }),
      { numRuns: 60 },
    );
  });
});

describe('generator robustness', () => {
  it('never throws on arbitrary Service and EndpointSlice shapes', () => {
    const anyObject = fc.anything({ maxDepth: 4 });
    const looseService = fc.record(
      {
        metadata: fc.oneof(anyObject, fc.record({ namespace: fc.string(), name: fc.string() })),
        spec: fc.oneof(
          anyObject,
          fc.record(
            {
              type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'x'),
              clusterIP: fc.oneof(fc.string(), fc.ipV4(), fc.ipV6(), fc.constant('None')),
              ports: fc.array(
                fc.record(
                  {
                    name: fc.string(),
                    protocol: fc.constantFrom('TCP', 'UDP', 'SCTP', 'x'),
                    port: fc.integer(),
                    nodePort: fc.integer(),
                  },
                  { requiredKeys: [] },
                ),
              ),
              externalIPs: fc.array(fc.oneof(fc.string(), fc.ipV4())),
              externalTrafficPolicy: fc.constantFrom('Local', 'Cluster'),
              internalTrafficPolicy: fc.constantFrom('Local', 'Cluster'),
              sessionAffinity: fc.constantFrom('ClientIP', 'None'),
              loadBalancerSourceRanges: fc.array(fc.string()),
            },
            { requiredKeys: [] },
          ),
        ),
        status: anyObject,
      },
      { requiredKeys: [] },
    );
    const looseSlice = fc.record(
      {
        metadata: fc.record(
          {
            namespace: fc.string(),
            labels: fc.dictionary(fc.constantFrom('kubernetes.io/service-name', 'x'), fc.string()),
          },
          { requiredKeys: [] },
        ),
        addressType: fc.constantFrom('IPv4', 'IPv6', 'FQDN'),
        endpoints: fc.array(
          fc.record(
            {
              addresses: fc.array(fc.oneof(fc.ipV4(), fc.string())),
              nodeName: fc.string(),
              conditions: anyObject,
            },
            { requiredKeys: [] },
          ),
        ),
        ports: fc.array(
          fc.record(
            {
              name: fc.oneof(fc.string(), fc.constant(null)),
              port: fc.integer(),
              protocol: fc.string(),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    );
    // Wrongly typed fields everywhere: each known key may hold any JSON value.
    const wild = (keys: string[]): fc.Arbitrary<unknown> =>
      fc.dictionary(fc.constantFrom(...keys), fc.anything({ maxDepth: 3 }), {
        maxKeys: keys.length,
      });
    const wildService = fc.record({
      metadata: wild(['name', 'namespace']),
      spec: wild([
        'type',
        'clusterIP',
        'clusterIPs',
        'ipFamilies',
        'ports',
        'externalIPs',
        'loadBalancerSourceRanges',
        'sessionAffinity',
        'sessionAffinityConfig',
        'externalTrafficPolicy',
      ]),
      status: fc.record({ loadBalancer: wild(['ingress']) }),
    });
    const wildSlice = fc.record({
      metadata: fc.record({
        namespace: fc.anything(),
        labels: wild(['kubernetes.io/service-name']),
      }),
      addressType: fc.anything(),
      endpoints: fc.oneof(
        fc.anything(),
        fc.array(wild(['addresses', 'conditions', 'nodeName', 'hints'])),
      ),
      ports: fc.oneof(fc.anything(), fc.array(wild(['name', 'port', 'protocol']))),
    });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(looseService, wildService), { maxLength: 4 }),
        fc.array(fc.oneof(looseSlice, wildSlice), { maxLength: 4 }),
        (services, slices) => {
          const config = defaultProxierConfig('node1', '192.168.56.11');
          const text = formatRestoreDocument(
            generateRestoreDocument(
              { services: services as Service[], endpointSlices: slices as EndpointSlice[] },
              config,
            ),
          );
          expect(text.endsWith('COMMIT\n')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
