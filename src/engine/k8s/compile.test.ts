import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatDiagnostic } from '../diagnostics.ts';
import type { CompileResult } from './cluster-model.ts';
import { compileManifests } from './compile.ts';
import { compileText, deployment, messages, positionOf, service, yamlOf } from './testing.ts';

const SEED = '/work/shared/fixtures/seed';
const seedDeployment = readFileSync(`${SEED}/deployment-service.yaml`, 'utf8');
const seedPods = readFileSync(`${SEED}/pods.yaml`, 'utf8');

function seed(deploymentText = seedDeployment, withPods = true): CompileResult {
  const files = [{ name: 'deployment-service.yaml', text: deploymentText }];
  if (withPods) files.push({ name: 'pods.yaml', text: seedPods });
  return compileManifests(files);
}

const nginx = (r: CompileResult) => r.cluster?.pods.filter((p) => p.namespace === 'default') ?? [];
const webSlices = (r: CompileResult) =>
  r.cluster?.endpointSlices.filter(
    (s) => s.metadata?.labels?.['kubernetes.io/service-name'] === 'clusterip-service',
  ) ?? [];

describe('the seed scenario', () => {
  it('gives 3 Running nginx pods on node2 at 10.36.0.1-3, one ReplicaSet and the article Service', () => {
    const r = seed();
    expect(r.diagnostics).toEqual([]);
    expect(nginx(r).map((p) => [p.name, p.nodeName, p.ip, p.phase, p.ready])).toEqual([
      ['deploy-nginx-7b9c6d5f4-2xkqp', 'node2', '10.36.0.1', 'Running', true],
      ['deploy-nginx-7b9c6d5f4-8hzvw', 'node2', '10.36.0.2', 'Running', true],
      ['deploy-nginx-7b9c6d5f4-tq5mn', 'node2', '10.36.0.3', 'Running', true],
    ]);
    expect(
      nginx(r).every(
        (p) => p.owner?.kind === 'ReplicaSet' && p.owner.name === 'deploy-nginx-7b9c6d5f4',
      ),
    ).toBe(true);
    expect(
      r.cluster?.workloads
        .filter((w) => w.namespace === 'default')
        .map((w) => [w.kind, w.name, w.desired, w.current, w.ready]),
    ).toEqual([
      ['Deployment', 'deploy-nginx', 3, 3, 3],
      ['ReplicaSet', 'deploy-nginx-7b9c6d5f4', 3, 3, 3],
    ]);
    const svc = r.cluster?.services.find((s) => s.metadata?.name === 'clusterip-service');
    expect(svc?.metadata?.namespace).toBe('default');
    expect(svc?.spec).toMatchObject({
      type: 'ClusterIP',
      clusterIP: '10.100.100.100',
      clusterIPs: ['10.100.100.100'],
      ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }],
    });
  });

  it('lists 10.36.0.1:80, 10.36.0.2:80, 10.36.0.3:80 (node2, ready) in the Service EndpointSlice', () => {
    const slices = webSlices(seed());
    expect(slices).toHaveLength(1);
    expect(slices[0]?.metadata?.name).toMatch(
      /^clusterip-service-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
    );
    expect(slices[0]?.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(
      slices[0]?.endpoints?.map((e) => [e.addresses?.[0], e.nodeName, e.conditions?.ready]),
    ).toEqual([
      ['10.36.0.1', 'node2', true],
      ['10.36.0.2', 'node2', true],
      ['10.36.0.3', 'node2', true],
    ]);
  });

  it('with replicas: 4 adds a fourth pod on node1 at 10.44.0.1', () => {
    const r = seed(seedDeployment.replace('replicas: 3', 'replicas: 4'));
    expect(r.diagnostics).toEqual([]);
    const added = nginx(r).filter((p) => !['2xkqp', '8hzvw', 'tq5mn'].includes(p.name.slice(-5)));
    expect(added.map((p) => [p.nodeName, p.ip, p.phase])).toEqual([
      ['node1', '10.44.0.1', 'Running'],
    ]);
    expect(added[0]?.name).toMatch(/^deploy-nginx-7b9c6d5f4-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(
      webSlices(r)[0]
        ?.endpoints?.map((e) => e.addresses?.[0])
        .sort(),
    ).toEqual(['10.36.0.1', '10.36.0.2', '10.36.0.3', '10.44.0.1']);
  });

  it('with replicas: 2 deletes the newest-named pod, and says so', () => {
    const r = seed(seedDeployment.replace('replicas: 3', 'replicas: 2'));
    expect(nginx(r).map((p) => p.name)).toEqual([
      'deploy-nginx-7b9c6d5f4-2xkqp',
      'deploy-nginx-7b9c6d5f4-8hzvw',
    ]);
    expect(r.diagnostics.map((d) => [d.file, d.line, d.severity, d.message])).toEqual([
      [
        'pods.yaml',
        positionOf(seedPods, 'deploy-nginx-7b9c6d5f4-tq5mn').line,
        'warning',
        'Pod "deploy-nginx-7b9c6d5f4-tq5mn" is deleted by ReplicaSet "deploy-nginx-7b9c6d5f4", which wants 2 replica(s)',
      ],
    ]);
  });

  it('without the pasted pods spreads the 3 pods over node1 and node2', () => {
    const r = seed(seedDeployment, false);
    const pods = nginx(r);
    expect(pods).toHaveLength(3);
    expect(new Set(pods.map((p) => p.nodeName))).toEqual(new Set(['node1', 'node2']));
    expect(pods.map((p) => p.ip).sort()).toEqual(['10.36.0.1', '10.44.0.1', '10.44.0.2']);
    const rs = r.cluster?.workloads.find(
      (w) => w.kind === 'ReplicaSet' && w.namespace === 'default',
    );
    expect(rs?.name).toMatch(/^deploy-nginx-[bcdf4-9]{8,10}$/);
    expect(
      pods.every(
        (p) =>
          p.name.startsWith(`${rs?.name}-`) &&
          p.labels['pod-template-hash'] === rs?.name.slice('deploy-nginx-'.length),
      ),
    ).toBe(true);
  });

  it('is deterministic', () => {
    expect(seed()).toEqual(seed());
    expect(seed(seedDeployment, false)).toEqual(seed(seedDeployment, false));
  });
});

describe('diagnostics point at the offending text', () => {
  it('an out-of-range port: at the value, with the API server message', () => {
    const text = yamlOf(service({ ports: [{ port: 70000 }] }));
    const r = compileText(text);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.message).toBe(
      'The Service "web" is invalid: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
    expect([d.line, d.col]).toEqual([
      positionOf(text, '70000').line,
      positionOf(text, '70000').col,
    ]);
    expect(text.slice(d.from, d.to)).toBe('70000');
    expect(r.cluster?.services.map((s) => s.metadata?.name)).toEqual(['kubernetes', 'kube-dns']);
  });

  it('a clusterIP outside the range and one already taken: at spec.clusterIP', () => {
    const text = yamlOf(
      service({ name: 'out', clusterIP: '10.0.0.5' }),
      service({ name: 'dup', clusterIP: '10.96.0.10' }),
    );
    const r = compileText(text);
    expect(r.diagnostics.map((d) => [d.line, d.col, text.slice(d.from, d.to), d.message])).toEqual([
      [
        positionOf(text, '10.0.0.5').line,
        positionOf(text, '10.0.0.5').col,
        '10.0.0.5',
        'The Service "out" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
      ],
      [
        positionOf(text, '10.96.0.10').line,
        positionOf(text, '10.96.0.10').col,
        '10.96.0.10',
        'The Service "dup" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
      ],
    ]);
  });

  it('NodePort problems: out of range, already allocated', () => {
    const text = yamlOf(
      service({ name: 'a', type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }),
      service({ name: 'b', type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }),
      service({ name: 'c', type: 'NodePort', ports: [{ port: 80, nodePort: 8080 }] }),
    );
    const r = compileText(text);
    expect(
      r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.message]),
    ).toEqual([
      [
        positionOf(text, '30080', 1).line,
        'The Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
      ],
      [
        positionOf(text, 'nodePort: 8080').line,
        'The Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
      ],
    ]);
  });

  it('an invalid name, on the name', () => {
    const text = yamlOf(deployment({ name: 'Foo' }));
    const d = compileText(text).diagnostics[0]!;
    expect(d.message).toMatch(
      /^The Deployment "Foo" is invalid: metadata\.name: Invalid value: "Foo": a lowercase RFC 1123 subdomain must consist of/,
    );
    expect([d.line, d.col]).toEqual([positionOf(text, 'Foo').line, positionOf(text, 'Foo').col]);
  });

  it('a missing port name when there are several: on the port entry', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - name: http\n    port: 80\n  - port: 443\n';
    const d = compileText(text).diagnostics.find((x) => x.severity === 'error')!;
    expect(d.message).toBe('The Service "web" is invalid: spec.ports[1].name: Required value');
    expect([d.line, d.col]).toEqual([10, 5]);
  });

  it('a selector that does not match the template labels: on the template labels', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels:\n        app: x\n    spec:\n      containers: [{name: c, image: nginx}]\n';
    const d = compileText(text).diagnostics[0]!;
    expect(d.message).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    );
    expect([d.line, d.col]).toEqual([11, 9]);
  });

  it('an unsupported protocol, negative replicas', () => {
    const text = yamlOf(
      service({ ports: [{ port: 80, protocol: 'FOO' }] }),
      deployment({ replicas: -1 }),
    );
    const r = compileText(text);
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [
        positionOf(text, 'FOO').line,
        'The Service "web" is invalid: spec.ports[0].protocol: Unsupported value: "FOO": supported values: "SCTP", "TCP", "UDP"',
      ],
      [
        positionOf(text, '-1').line,
        'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      ],
    ]);
  });

  it('a wrongly typed field: the decoder message at the value', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: "3"\n';
    const d = compileText(text).diagnostics[0]!;
    expect(d.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect([d.line, d.col, text.slice(d.from, d.to)]).toEqual([6, 13, '"3"']);
  });

  it('a bad label key: on the key', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    "bad key": x\nspec:\n  containers: [{name: c, image: nginx}]\n';
    const d = compileText(text).diagnostics[0]!;
    expect(d.message).toMatch(
      /^The Pod "p" is invalid: metadata\.labels: Invalid value: "bad key": name part must consist of/,
    );
    expect(text.slice(d.from, d.to)).toBe('"bad key"');
  });

  it('a leading-zero address: warning, accepted and canonicalised', () => {
    const text = yamlOf(service({ clusterIP: '10.096.0.020' }));
    const r = compileText(text);
    expect(r.diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      [
        'warning',
        positionOf(text, '10.096.0.020').line,
        'spec.clusterIPs[0]: non-standard IP address "10.096.0.020" will be considered invalid in a future Kubernetes release: use "10.96.0.20"',
      ],
      [
        'warning',
        positionOf(text, 'selector:').line,
        'selector app=web matches no pods: connections to 10.96.0.20:80 get no backend: kube-proxy writes a REJECT rule instead',
      ],
    ]);
    expect(r.cluster?.services[2]?.spec?.clusterIP).toBe('10.96.0.20');
  });

  it('diagnostics are sorted by file, then position, and formatted file:line:col', () => {
    const a = yamlOf(service({ name: 'x', ports: [{ port: 0 }] }), service({ name: 'Bad' }));
    const r = compileManifests([
      { name: 'a.yaml', text: a },
      { name: 'b.yaml', text: 'kind: Service\n' },
    ]);
    const port = positionOf(a, 'port: 0');
    const name = positionOf(a, 'Bad');
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      `a.yaml:${port.line}:${port.col + 'port: '.length}: error: The Service "x" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`,
      expect.stringMatching(
        new RegExp(
          `^a\\.yaml:${name.line}:${name.col}: error: The Service "Bad" is invalid: metadata\\.name: Invalid value: "Bad": a DNS-1035 label`,
        ),
      ),
      'b.yaml:1:1: error: error validating data: apiVersion not set',
    ]);
  });

  it('a YAML 1.1 boolean where a string belongs (name: Y): the decoder error kubectl gives', () => {
    const d = compileText(yamlOf(service({ name: 'Y' }))).diagnostics[0];
    expect(d?.message).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type string',
    );
  });
});

describe('compileManifests', () => {
  it('returns no cluster, only the error, on a YAML syntax error', () => {
    const r = compileText('apiVersion: v1\nkind: Service\nmetadata:\n\tname: x\n');
    expect(r.cluster).toBeNull();
    expect(r.diagnostics).toMatchObject([{ severity: 'error', line: 4, col: 1 }]);
  });

  it('compiles empty input to the default lab', () => {
    const r = compileManifests([]);
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster?.nodes).toHaveLength(3);
  });

  it('keeps everything else working when one object is broken', () => {
    const text = yamlOf(
      service({ name: 'bad', ports: [{ port: 0 }] }),
      deployment(),
      { apiVersion: 'v1', kind: 'Pod', metadata: 7 },
      service({ name: 'good' }),
    );
    const r = compileText(text);
    expect(r.cluster?.services.map((s) => s.metadata?.name)).toEqual([
      'kubernetes',
      'kube-dns',
      'good',
    ]);
    expect(r.cluster?.pods.filter((p) => p.namespace === 'default')).toHaveLength(2);
    expect(messages(r.diagnostics, 'error')).toHaveLength(2);
  });

  it('never throws, on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => void compileText(text)),
      { numRuns: 1000 },
    );
  });

  it('never throws, on random JSON documents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 4 }),
        (values) => void compileText(values.map((v) => JSON.stringify(v)).join('\n---\n')),
      ),
      { numRuns: 800 },
    );
  });

  it('never throws, on plausible objects with random fields, and reports no internal errors', () => {
    const kinds = {
      Deployment: 'apps/v1',
      ReplicaSet: 'apps/v1',
      DaemonSet: 'apps/v1',
      Pod: 'v1',
      Service: 'v1',
      Node: 'v1',
      Endpoints: 'v1',
      EndpointSlice: 'discovery.k8s.io/v1',
      KubeProxyConfiguration: 'kubeproxy.config.k8s.io/v1alpha1',
      Lab: 'podpath.dev/v1alpha1',
    } as const;
    const label = fc.dictionary(
      fc.constantFrom('app', 'tier', 'k8s-app'),
      fc.constantFrom('web', 'db', 'kube-dns'),
    );
    const port = fc.record(
      {
        name: fc.constantFrom('http', 'dns', 'x'),
        port: fc.integer({ min: -5, max: 70000 }),
        targetPort: fc.oneof(fc.integer({ min: 0, max: 9000 }), fc.constantFrom('http', 'dns')),
        protocol: fc.constantFrom('TCP', 'UDP', 'FOO'),
        nodePort: fc.integer({ min: 29990, max: 30010 }),
      },
      { requiredKeys: ['port'] },
    );
    const spec = fc.record(
      {
        replicas: fc.integer({ min: -1, max: 6 }),
        selector: fc.oneof(label, fc.record({ matchLabels: label })),
        template: fc.record({
          metadata: fc.record({ labels: label }),
          spec: fc.record(
            {
              nodeName: fc.constantFrom('node1', 'node2', 'nope'),
              hostNetwork: fc.boolean(),
              containers: fc.constant([
                { name: 'c', image: 'i', ports: [{ name: 'http', containerPort: 8080 }] },
              ]),
            },
            { requiredKeys: ['containers'] },
          ),
        }),
        type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'),
        clusterIP: fc.constantFrom('None', '10.96.0.10', '10.96.3.3', '10.096.0.3', '1.2.3.4', 'x'),
        ports: fc.array(port, { maxLength: 3 }),
        workers: fc.integer({ min: -1, max: 6 }),
        cni: fc.constantFrom('weave', 'docker'),
        podCIDR: fc.constantFrom('10.244.1.0/24', '10.244.1.0/30', 'bad'),
      },
      { requiredKeys: [] },
    );
    const object = fc.record({
      kind: fc.constantFrom(...(Object.keys(kinds) as (keyof typeof kinds)[])),
      metadata: fc.record(
        {
          name: fc.constantFrom('web', 'db', 'node1', 'kube-dns'),
          namespace: fc.constantFrom('default', 'kube-system'),
          labels: label,
        },
        { requiredKeys: ['name'] },
      ),
      spec,
      status: fc.record(
        {
          podIP: fc.constantFrom('10.44.0.1', '10.36.0.1', 'bad'),
          phase: fc.constantFrom('Running', 'Pending'),
          addresses: fc.constant([{ type: 'InternalIP', address: '10.0.0.1' }]),
        },
        { requiredKeys: [] },
      ),
    });
    fc.assert(
      fc.property(fc.array(object, { maxLength: 6 }), (objects) => {
        const text = objects
          .map((o) => stringify({ apiVersion: kinds[o.kind], ...o }))
          .join('---\n');
        const a = compileText(text);
        expect(a.diagnostics.filter((d) => d.message.includes('internal error'))).toEqual([]);
        expect(compileText(text)).toEqual(a);
      }),
      { numRuns: 400 },
    );
  });
});
