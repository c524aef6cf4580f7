/**
 * Property: a whole simulation gives the same trace with either evaluator. Random requests on
 * every golden scenario (from pods, nodes and outside clients; to Services, their NodePorts and
 * external addresses, pods and arbitrary addresses; several connections and packets) must
 * produce deep-equal traces with `evaluator: 'linear'` and the default fast one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterModel } from '../k8s/cluster-model.ts';
import { compileManifests } from '../k8s/compile.ts';
import type { Protocol, Source, Target, TraceRequest } from './request.ts';
import { simulate } from './simulate.ts';

const SCENARIOS = join(import.meta.dirname, '../../../scenarios');

function cluster(name: string): ClusterModel {
  const text = readFileSync(join(SCENARIOS, name, 'scenario.yaml'), 'utf8');
  const c = compileManifests([{ name: 'scenario.yaml', text }]).cluster;
  if (!c) throw new Error(`scenario ${name} does not compile`);
  return c;
}

/** Requests a learner could make on `c`, plus some that make little sense. */
function requestArb(c: ClusterModel): fc.Arbitrary<TraceRequest> {
  const pods = c.pods.filter((p) => p.ip && p.nodeName);
  const nodes = c.nodes.map((n) => n.name);
  const from: fc.Arbitrary<Source> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .constantFrom(...pods)
        .map((p): Source => ({ kind: 'pod', namespace: p.namespace, name: p.name })),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...nodes).map((name): Source => ({ kind: 'node', name })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('203.0.113.50', '192.168.56.1', '8.8.8.8')
        .map((ip): Source => ({ kind: 'external', ip })),
    },
  );
  const services = c.services.filter((s) => s.spec?.clusterIP && s.spec.clusterIP !== 'None');
  const servicePorts = services.flatMap((s) => s.spec?.ports ?? []);
  const nodePorts = servicePorts.flatMap((p) => (p.nodePort ? [p.nodePort] : []));
  const externalIps = services.flatMap((s) => [
    ...(s.spec?.externalIPs ?? []),
    ...(s.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : [])),
  ]);
  const addresses = [
    ...c.nodes.map((n) => n.internalIP),
    ...pods.map((p) => p.ip as string),
    ...externalIps,
    '127.0.0.1',
    '10.96.0.99',
    '8.8.8.8',
  ];
  const ports = [
    ...new Set<number>([
      ...servicePorts.flatMap((p) => (p.port ? [p.port] : [])),
      ...nodePorts,
      ...pods.flatMap((p) => p.containers.flatMap((k) => k.ports.map((x) => x.containerPort))),
      80,
      9999,
    ]),
  ];
  const to: fc.Arbitrary<Target> = fc.oneof(
    {
      weight: services.length > 0 ? 5 : 0,
      arbitrary:
        services.length === 0
          ? fc.constant<Target>({ kind: 'address', ip: '10.96.0.99', port: 80 })
          : fc
              .tuple(fc.constantFrom(...services), fc.option(fc.nat({ max: 3 })))
              .map(([s, k]): Target => {
                const port = k === null ? undefined : s.spec?.ports?.[k]?.port;
                return {
                  kind: 'service',
                  namespace: s.metadata?.namespace ?? 'default',
                  name: s.metadata?.name ?? '',
                  ...(port === undefined ? {} : { port }),
                };
              }),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...addresses), fc.constantFrom(...ports))
        .map(([ip, port]): Target => ({ kind: 'address', ip, port })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...pods), fc.constantFrom(...ports))
        .map(([p, port]): Target => ({ kind: 'pod', namespace: p.namespace, name: p.name, port })),
    },
  );
  return fc.record(
    {
      from,
      to,
      protocol: fc.constantFrom<Protocol>('tcp', 'tcp', 'udp', 'sctp'),
      connections: fc.integer({ min: 1, max: 4 }),
      packets: fc.integer({ min: 1, max: 3 }),
    },
    { requiredKeys: ['from', 'to'] },
  );
}

describe('simulate(): linear and fast evaluators give identical traces', () => {
  for (const name of readdirSync(SCENARIOS).sort()) {
    it(name, () => {
      const c = cluster(name);
      const large = c.pods.length > 100;
      // Besides random requests: the first pod calling every Service, two connections each.
      const pod = c.pods.find((p) => p.ip && p.nodeName && !p.hostNetwork)!;
      const examples: [TraceRequest, number][] = c.services.map((s) => [
        {
          from: { kind: 'pod', namespace: pod.namespace, name: pod.name },
          to: {
            kind: 'service',
            namespace: s.metadata?.namespace ?? 'default',
            name: s.metadata?.name ?? '',
          },
          connections: 2,
        },
        1,
      ]);
      let dnat = 0;
      let compared = 0;
      fc.assert(
        fc.property(requestArb(c), fc.nat({ max: 1_000_000 }), (req, seed) => {
          const options = { seed, detail: 4 };
          const fast = simulate(c, req, options);
          const linear = simulate(c, req, { ...options, evaluator: 'linear' });
          expect(linear).toEqual(fast);
          if (!fast.ok) return;
          const { request, connections } = fast.value;
          compared += connections.length;
          for (const k of connections) {
            const b = k.backend;
            if (b && (b.ip !== request.dstIp || b.port !== request.dport)) dnat++;
          }
        }),
        { numRuns: large ? 6 : 30, examples },
      );
      // Traces were really compared, Service connections among them.
      expect(compared).toBeGreaterThan(large ? 5 : 20);
      expect(dnat).toBeGreaterThan(0);
    });
  }
});
