import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileManifests } from '../k8s/compile.ts';
import type { ClusterModel } from '../k8s/cluster-model.ts';
import { computeNodeRules } from '../kubeproxy/node-rules.ts';
import { fieldAt, fieldSpan, type FieldRef } from './field-ref.ts';
import { keyedRules } from './rule-keys.ts';
import { rulesOfField, sourceOfRule } from './why.ts';

function scenario(name: string) {
  const text = readFileSync(`scenarios/${name}/scenario.yaml`, 'utf8');
  const cluster = compileManifests([{ name: 'scenario.yaml', text }]).cluster as ClusterModel;
  const doc = computeNodeRules(cluster, 'node1').document;
  const rules = keyedRules(doc);
  const textOf = (keys: ReadonlySet<string>) =>
    rules.filter((r) => keys.has(r.key)).map((r) => r.text);
  /** The field at the first occurrence of `needle` (after `after`, when given). */
  const at = (needle: string, after = '') => {
    const offset = text.indexOf(needle, text.indexOf(after));
    expect(offset).toBeGreaterThanOrEqual(0);
    return fieldAt(text, offset + 1);
  };
  return { text, cluster, doc, rules, textOf, at };
}

describe('fieldAt', () => {
  const { at, text } = scenario('article');

  it('names the object and the field path under a click, on the key or the value', () => {
    expect(at('targetPort')).toEqual({
      kind: 'Service',
      namespace: 'default',
      name: 'clusterip-service',
      path: ['spec', 'ports', 0, 'targetPort'],
    });
    expect(at('10.100.100.100', 'clusterIP:')?.path).toEqual(['spec', 'clusterIP']);
    expect(at('replicas: 3')).toMatchObject({ kind: 'Deployment', name: 'deploy-nginx' });
    expect(at('replicas: 3')?.path).toEqual(['spec', 'replicas']);
    expect(at('3', 'replicas:')?.path).toEqual(['spec', 'replicas']);
  });

  it('finds items of a List and gives null outside any object', () => {
    expect(at('deploy-nginx-7b9c6d5f4-2xkqp')).toMatchObject({
      kind: 'Pod',
      name: 'deploy-nginx-7b9c6d5f4-2xkqp',
      path: ['metadata', 'name'],
    });
    expect(fieldAt(text, 2)).toBeNull(); // the opening comment
  });

  it('goes back from a field to its text, and falls back to the nearest field present', () => {
    const ref: FieldRef = {
      kind: 'Service',
      namespace: 'default',
      name: 'clusterip-service',
      path: ['spec', 'ports', 0, 'targetPort'],
    };
    const span = fieldSpan(text, ref)!;
    expect(text.slice(span.from, span.to)).toBe('80');
    const missing = fieldSpan(text, { ...ref, path: ['spec', 'sessionAffinity'] })!;
    expect(text.slice(missing.from, missing.from + 5)).toBe('type:');
    expect(fieldSpan(text, { ...ref, name: 'nope' })).toBeNull();
  });
});

describe('rulesOfField', () => {
  it('a Service port: its entry rule; targetPort: the DNAT rules; selector: the ladder', () => {
    const { cluster, doc, textOf, at } = scenario('article');
    const port = textOf(rulesOfField(cluster, doc, at('port: 80')!));
    expect(port).toEqual([
      '-A KUBE-SERVICES -m comment --comment "default/clusterip-service cluster IP" -m tcp -p tcp -d 10.100.100.100 --dport 80 -j KUBE-SVC-KUSV3H3OUX7H3MDQ',
    ]);
    const target = textOf(rulesOfField(cluster, doc, at('targetPort')!));
    expect(target).toHaveLength(3);
    for (const line of target)
      expect(line).toMatch(/-j DNAT --to-destination 10\.36\.0\.[123]:80$/);
    const selector = textOf(rulesOfField(cluster, doc, at('selector:', 'kind: Service')!));
    expect(selector.filter((l) => l.startsWith('-A KUBE-SVC-'))).toHaveLength(3);
    expect(selector.filter((l) => l.startsWith('-A KUBE-SEP-'))).toHaveLength(6);
    const ip = textOf(rulesOfField(cluster, doc, at('10.100.100.100', 'clusterIP:')!));
    expect(ip).toEqual(port);
  });

  it("a Deployment's replicas: the rules of its pods' endpoints", () => {
    const { cluster, doc, textOf, at } = scenario('article');
    const lines = textOf(rulesOfField(cluster, doc, at('replicas: 3')!));
    expect(lines.filter((l) => l.includes('--probability'))).toHaveLength(2);
    expect(lines.filter((l) => l.includes('--to-destination'))).toHaveLength(3);
  });

  it('a NodePort: the KUBE-NODEPORTS rule; type: the entry rules only', () => {
    const { cluster, doc, textOf, at } = scenario('nodeport');
    const nodePort = textOf(rulesOfField(cluster, doc, at('nodePort: 30080')!));
    expect(nodePort.length).toBeGreaterThan(0);
    for (const l of nodePort) expect(l).toContain('--dport 30080 ');
    const type = textOf(rulesOfField(cluster, doc, at('type: NodePort')!));
    expect(type.some((l) => l.startsWith('-A KUBE-NODEPORTS '))).toBe(true);
    expect(type.some((l) => /^-A KUBE-(SVC|SEP)-/.test(l))).toBe(false);
  });
});

describe('sourceOfRule', () => {
  it('each generated rule leads back to a field present in the text', () => {
    for (const name of ['article', 'nodeport', 'session-affinity', 'multi-port']) {
      const { cluster, doc, rules, text } = scenario(name);
      for (const r of rules) {
        const source = sourceOfRule(cluster, doc, r.key);
        if (!r.origin) {
          expect(source).toBeNull();
          continue;
        }
        expect(source?.service).toBe(r.origin.service);
        const shown = source!.fields.find((f) => fieldSpan(text, f) !== null);
        // A system Service (kube-dns, kubernetes) is not in the text; the user's are.
        if (
          !r.origin.service.startsWith('kube-system/') &&
          r.origin.service !== 'default/kubernetes'
        )
          expect(shown, `${name}: ${r.text}`).toBeDefined();
      }
    }
  });

  it('a DNAT rule points at targetPort, a ladder rung at the replicas, the entry at clusterIP', () => {
    const { cluster, doc, rules } = scenario('article');
    const of = (re: RegExp) => sourceOfRule(cluster, doc, rules.find((r) => re.test(r.text))!.key)!;
    expect(of(/--to-destination 10\.36\.0\.1:80/).fields[0]?.path).toEqual([
      'spec',
      'ports',
      0,
      'targetPort',
    ]);
    const rung = of(/--probability 0\.3333333333/);
    expect(rung.fields[0]).toEqual({
      kind: 'Deployment',
      namespace: 'default',
      name: 'deploy-nginx',
      path: ['spec', 'replicas'],
    });
    expect(rung.pod).toMatch(/^default\/deploy-nginx-/);
    expect(of(/cluster IP" .* -d 10\.100\.100\.100/).fields[0]?.path).toEqual([
      'spec',
      'clusterIP',
    ]);
    expect(sourceOfRule(cluster, doc, 'nat KUBE-POSTROUTING #1')).toBeNull();
  });
});
