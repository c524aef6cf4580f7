import { describe, expect, it } from 'vitest';
import { parseCidr } from '../net/ip.ts';
import type { Service } from './api-types.ts';
import { createReporter } from './report.ts';
import { makeResource } from './resources.ts';
import { defaultService } from './service-defaults.ts';
import { createServices } from './services.ts';
import { service } from './testing.ts';

const range = parseCidr('10.96.0.0/12')!;

function create(...services: Service[]) {
  const reporter = createReporter();
  const created = createServices(
    services.map((s) => makeResource('Service', s)),
    range,
    reporter,
  );
  return { created: created.map((r) => r.object), names: created.map((r) => r.name) };
}

describe('defaultService', () => {
  it('fills in what the API server defaults', () => {
    const s = defaultService(
      service({ ports: [{ port: 80 }], spec: { sessionAffinity: 'ClientIP' } }),
    );
    expect(s.spec).toMatchObject({
      type: 'ClusterIP',
      ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }],
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
      internalTrafficPolicy: 'Cluster',
    });
    expect(s.spec?.externalTrafficPolicy).toBeUndefined();
    expect(defaultService(service({ type: 'NodePort' })).spec?.externalTrafficPolicy).toBe(
      'Cluster',
    );
    expect(
      defaultService(service({ spec: { externalIPs: ['203.0.113.7'] } })).spec
        ?.externalTrafficPolicy,
    ).toBe('Cluster');
    expect(
      defaultService(service({ type: 'LoadBalancer' })).spec?.allocateLoadBalancerNodePorts,
    ).toBe(true);
    expect(
      defaultService(service({ type: 'ExternalName', spec: { externalName: 'x.example.com' } }))
        .spec?.internalTrafficPolicy,
    ).toBeUndefined();
  });
});

describe('createServices', () => {
  it('keeps requested ClusterIPs (canonicalised) and fills clusterIPs and families', () => {
    const { created } = create(
      service({ clusterIP: '10.100.100.100' }),
      service({ name: 'zeros', clusterIP: '10.096.0.050' }),
    );
    expect(created[0]?.spec).toMatchObject({
      clusterIP: '10.100.100.100',
      clusterIPs: ['10.100.100.100'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    });
    expect(created[1]?.spec?.clusterIP).toBe('10.96.0.50');
  });

  it('allocates missing ClusterIPs deterministically and without collisions', () => {
    const services = Array.from({ length: 30 }, (_, i) => service({ name: `s${i}` }));
    const a = create(...services).created.map((s) => s.spec?.clusterIP);
    const b = create(...services).created.map((s) => s.spec?.clusterIP);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(30);
    expect(create(service({ name: 's3' })).created[0]?.spec?.clusterIP).toBe(a[3]);
  });

  it('rejects a ClusterIP already taken or out of range, keeping the others', () => {
    const reporter = createReporter();
    const created = createServices(
      [
        service({ name: 'a', clusterIP: '10.96.0.10' }),
        service({ name: 'b', clusterIP: '10.96.0.10' }),
        service({ name: 'c', clusterIP: '192.168.0.1' }),
        service({ name: 'd' }),
      ].map((s) => makeResource('Service', s)),
      range,
      reporter,
    );
    expect(created.map((r) => r.name)).toEqual(['a', 'd']);
    expect(reporter.diagnostics).toEqual([]); // no source: nothing to point at (compile tests check the messages)
  });

  it('never hands a requested address to an allocated Service, whatever the order', () => {
    const { created } = create(
      service({ name: 'dynamic' }),
      service({ name: 'fixed', clusterIP: '10.96.5.5' }),
    );
    expect(created.map((s) => s.spec?.clusterIP)).not.toContain(undefined);
    expect(created[0]?.spec?.clusterIP).not.toBe('10.96.5.5');
  });

  it('allocates NodePorts (one per port number), keeps requested ones, and the healthCheckNodePort', () => {
    const np = service({
      type: 'NodePort',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'web', port: 80, nodePort: 30080 },
      ],
    });
    const lb = service({
      name: 'lb',
      type: 'LoadBalancer',
      spec: { externalTrafficPolicy: 'Local' },
    });
    const { created } = create(np, lb);
    const ports = created[0]?.spec?.ports ?? [];
    expect(ports[0]?.nodePort).toBeGreaterThanOrEqual(30000);
    expect(ports[1]?.nodePort).toBe(ports[0]?.nodePort);
    expect(ports[2]?.nodePort).toBe(30080);
    expect(created[1]?.spec?.ports?.[0]?.nodePort).toBeGreaterThanOrEqual(30000);
    expect(created[1]?.spec?.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(created[1]?.spec?.healthCheckNodePort).not.toBe(created[1]?.spec?.ports?.[0]?.nodePort);
  });

  it('drops a Service whose NodePort is taken or out of range', () => {
    const { names } = create(
      service({ name: 'a', type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }),
      service({ name: 'b', type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }),
      service({ name: 'c', type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }),
    );
    expect(names).toEqual(['a']);
  });

  it('leaves headless and ExternalName Services without a VIP', () => {
    const { created } = create(
      service({ name: 'h', clusterIP: 'None' }),
      service({
        name: 'e',
        type: 'ExternalName',
        selector: null,
        ports: [],
        spec: { externalName: 'db.example.com' },
      }),
    );
    expect(created[0]?.spec).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'] });
    expect(created[1]?.spec?.clusterIP).toBeUndefined();
  });

  it('fills metadata.namespace', () => {
    expect(create(service()).created[0]?.metadata?.namespace).toBe('default');
  });
});
