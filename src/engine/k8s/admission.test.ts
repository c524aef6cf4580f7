import { describe, expect, it } from 'vitest';
import { admitObjects } from './admission.ts';
import { parseManifests } from './parse.ts';
import { createReporter } from './report.ts';
import { deployment, positionOf, service, yamlOf } from './testing.ts';

function admit(text: string) {
  const reporter = createReporter();
  const resources = admitObjects(parseManifests([{ name: 's.yaml', text }]).objects, reporter);
  return { resources, diagnostics: reporter.diagnostics };
}

describe('admitObjects', () => {
  it('decodes objects and fills in namespaces', () => {
    const { resources, diagnostics } = admit(
      yamlOf(service(), service({ name: 'dns', namespace: 'kube-system' })),
    );
    expect(diagnostics).toEqual([]);
    expect(resources.map((r) => [r.kind, r.namespace, r.name])).toEqual([
      ['Service', 'default', 'web'],
      ['Service', 'kube-system', 'dns'],
    ]);
  });

  it('lets a later definition of the same object win, with a warning on it (like a second apply)', () => {
    const text = yamlOf(
      service({ ports: [{ port: 80 }] }),
      deployment(),
      service({ ports: [{ port: 8080 }] }),
    );
    const { resources, diagnostics } = admit(text);
    expect(resources.map((r) => r.kind)).toEqual(['Service', 'Deployment']);
    expect(resources[0]?.kind === 'Service' && resources[0].object.spec?.ports?.[0]?.port).toBe(
      8080,
    );
    expect(diagnostics).toMatchObject([
      {
        severity: 'warning',
        line: positionOf(text, 'name: web', 2).line,
        message:
          'Service "web" is defined more than once: this definition replaces the one at line 1, like a second kubectl apply',
      },
    ]);
  });

  it('does not let an invalid definition replace a valid one', () => {
    const { resources } = admit(
      yamlOf(service({ ports: [{ port: 80 }] }), service({ ports: [{ port: 0 }] })),
    );
    expect(resources[0]?.kind === 'Service' && resources[0].object.spec?.ports?.[0]?.port).toBe(80);
  });

  it('tells objects of different kinds or namespaces apart', () => {
    const { resources, diagnostics } = admit(
      yamlOf(service(), deployment(), service({ namespace: 'other' })),
    );
    expect(resources).toHaveLength(3);
    expect(diagnostics).toEqual([]);
  });

  it('names objects that only have generateName, deterministically', () => {
    const text = yamlOf({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { generateName: 'job-' },
      spec: { containers: [{ name: 'c', image: 'i' }] },
    });
    const a = admit(text).resources[0];
    expect(a?.name).toMatch(/^job-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(admit(text).resources[0]?.name).toBe(a?.name);
  });

  it('reports API-server warnings and still admits the object', () => {
    const { resources, diagnostics } = admit(yamlOf(service({ clusterIP: '10.096.0.7' })));
    expect(resources).toHaveLength(1);
    expect(diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });

  it('wraps field errors as "The <Kind> <name> is invalid"', () => {
    const { resources, diagnostics } = admit(yamlOf(deployment({ replicas: -2 })));
    expect(resources).toEqual([]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -2: must be greater than or equal to 0',
    ]);
  });

  it('words kube-proxy configuration errors as a refused configuration', () => {
    const { diagnostics } = admit(
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: userspace\n',
    );
    expect(diagnostics).toMatchObject([{ line: 3, col: 7 }]);
    expect(diagnostics[0]?.message).toMatch(
      /^kube-proxy would refuse this configuration: KubeProxyConfiguration\.Mode\.ProxyMode: Invalid value: "userspace"/,
    );
  });
});
