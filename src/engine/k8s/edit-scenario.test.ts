import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileManifests } from './compile.ts';
import { setCni, setReplicas, setWorkers, workersOf } from './edit-scenario.ts';

const ARTICLE = readFileSync(
  new URL('../../../scenarios/article/scenario.yaml', import.meta.url),
  'utf8',
);
const compile = (text: string) => compileManifests([{ name: 'scenario.yaml', text }]);

describe('scenario edits', () => {
  test('scaling the article Deployment to 4 adds a fourth nginx pod and keeps the comments', () => {
    const r = setReplicas(ARTICLE, 'default', 'deploy-nginx', 4);
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toContain('replicas: 4');
    expect(r.value).toContain("# The article's cluster");
    const nginx = compile(r.value).cluster!.pods.filter((p) => p.labels['app'] === 'webui');
    expect(nginx).toHaveLength(4);
  });

  test('an unknown Deployment is named in kubectl words', () => {
    expect(setReplicas(ARTICLE, 'default', 'nope', 2)).toEqual({
      ok: false,
      error: 'deployments.apps "nope" not found',
    });
  });

  test('adding a worker adds a Lab header and a node3 with its DaemonSet pods', () => {
    expect(workersOf(ARTICLE)).toBe(2);
    const r = setWorkers(ARTICLE, 3);
    if (!r.ok) throw new Error(r.error);
    expect(workersOf(r.value)).toBe(3);
    const cluster = compile(r.value).cluster!;
    expect(cluster.nodes.map((n) => n.name)).toEqual(['master', 'node1', 'node2', 'node3']);
    const onNode3 = cluster.pods
      .filter((p) => p.nodeName === 'node3')
      .map((p) => p.name.replace(/-[a-z0-9]{5}$/, ''));
    expect(onNode3.sort()).toEqual(['kube-proxy', 'weave-net']);
    const back = setWorkers(r.value, 2);
    if (!back.ok) throw new Error(back.error);
    expect(compile(back.value).cluster!.nodes.map((n) => n.name)).toEqual([
      'master',
      'node1',
      'node2',
    ]);
  });

  test('switching to docker0 gives every worker 172.17.0.1', () => {
    const r = setCni(ARTICLE, 'docker');
    if (!r.ok) throw new Error(r.error);
    const cluster = compile(r.value).cluster!;
    expect(cluster.cni).toBe('docker');
    expect(cluster.nodes.map((n) => n.bridge.ip)).toContain('172.17.0.1');
  });

  test('broken YAML is refused, not rewritten', () => {
    expect(setWorkers('a: [', 3).ok).toBe(false);
  });
});

describe('edits keep the text', () => {
  test('scaling changes only the number; flow lists, quotes and separators stay', () => {
    const r = setReplicas(ARTICLE, 'default', 'deploy-nginx', 4);
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toBe(ARTICLE.replace('replicas: 3', 'replicas: 4'));
  });

  test('adding a worker puts a Lab header in front and leaves the rest as it was', () => {
    const r = setWorkers(ARTICLE, 3);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.endsWith(ARTICLE)).toBe(true);
    const again = setWorkers(r.value, 4);
    if (!again.ok) throw new Error(again.error);
    expect(again.value).toBe(r.value.replace('workers: 3', 'workers: 4'));
  });
});
