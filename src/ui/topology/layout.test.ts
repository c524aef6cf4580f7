import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createAppStore } from '../../store/app-store.ts';
import { computeLayout, getLayout } from './layout.ts';
import type { TopologyLayout } from './types.ts';

const ARTICLE = readFileSync(
  new URL('../../../scenarios/article/scenario.yaml', import.meta.url),
  'utf8',
);

function articleModel() {
  return createAppStore({ yaml: ARTICLE }).getState().model!;
}

const positions = (layout: TopologyLayout) =>
  new Map(layout.nodes.map((n) => [n.id, { ...n.position, w: n.width, h: n.height }]));

describe('layout', () => {
  test('is deterministic and memoised per model', () => {
    const model = articleModel();
    const a = getLayout(model);
    expect(getLayout(model)).toBe(a);
    const b = computeLayout(model.cluster, model.network);
    expect(JSON.stringify(b.nodes)).toBe(JSON.stringify(a.nodes));
    expect(JSON.stringify(b.edges)).toBe(JSON.stringify(a.edges));
    expect([...b.anchors]).toEqual([...a.anchors]);
    // A model compiled from the same text lays out the same way.
    const again = getLayout(articleModel());
    expect(again).not.toBe(a);
    expect(JSON.stringify(again.nodes)).toBe(JSON.stringify(a.nodes));
  });

  test('the article: three nodes, their bridges and devices, four pods, the overlay and LAN', () => {
    const layout = getLayout(articleModel());
    const ids = new Set(layout.nodes.map((n) => n.id));
    for (const n of ['master', 'node1', 'node2'])
      for (const id of [`node:${n}`, `eth0:${n}`, `bridge:${n}`, `vxlan:${n}`])
        expect(ids.has(id)).toBe(true);
    expect(ids.has('pod:node1/default/client')).toBe(true);
    expect(ids.has('pod:node2/default/deploy-nginx-7b9c6d5f4-2xkqp')).toBe(true);
    expect(ids.has('service:default/clusterip-service')).toBe(true);
    expect(ids.has('outside')).toBe(true);
    const edges = new Set(layout.edges.map((e) => e.id));
    for (const id of [
      'overlay:master~node1',
      'overlay:master~node2',
      'overlay:node1~node2',
      'lan:node1~node2',
      'lan:node1~outside',
      'veth:node1/default/client',
      'bridge-vxlan:node2',
      'bridge-eth0:node2',
    ])
      expect(edges.has(id)).toBe(true);
    // Parents come before their children; every edge joins two existing nodes.
    const seen = new Set<string>();
    for (const n of layout.nodes) {
      if (n.parentId) expect(seen.has(n.parentId)).toBe(true);
      seen.add(n.id);
    }
    for (const e of layout.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  test('every anchor kind of ids.ts is there, and paths start and end at their anchors', () => {
    const model = articleModel();
    const layout = getLayout(model);
    for (const n of model.network.nodes) {
      for (const kind of ['host', 'eth0', 'bridge', 'vxlan'])
        expect(layout.anchors.has(`${kind}:${n.node}`)).toBe(true);
      for (const ns of n.pods) {
        expect(layout.anchors.has(`pod:${ns.id}`)).toBe(true);
        expect(layout.anchors.has(`veth:${ns.id}`)).toBe(true);
      }
    }
    for (const s of model.cluster.services)
      expect(layout.anchors.has(`service:${s.metadata!.namespace}/${s.metadata!.name}`)).toBe(true);
    expect(layout.anchors.has('outside')).toBe(true);
    for (const [key, id] of layout.edgeByEnds) {
      const [a, b] = key.split('|').map((k) => layout.anchors.get(k)!);
      const path = layout.paths.get(id)!;
      const ends = [path[0], path[path.length - 1]];
      expect(ends).toContainEqual(a);
      expect(ends).toContainEqual(b);
    }
  });

  test('adding and removing a worker leaves the other nodes where they were', () => {
    const store = createAppStore({ yaml: ARTICLE });
    const before = positions(getLayout(store.getState().model!));
    store.getState().addWorker();
    const added = getLayout(store.getState().model!);
    const after = positions(added);
    expect(after.has('node:node3')).toBe(true);
    expect(added.edges.some((e) => e.id === 'overlay:node2~node3')).toBe(true);
    for (const id of ['node:master', 'node:node1', 'node:node2', 'eth0:node1', 'outside'])
      expect(after.get(id)).toEqual(before.get(id));
    for (const [id, p] of before) if (id.startsWith('pod:')) expect(after.get(id)).toEqual(p);
    store.getState().removeWorker();
    expect(positions(getLayout(store.getState().model!))).toEqual(before);
  });

  test('scaling adds a pod without moving the other nodes', () => {
    const store = createAppStore({ yaml: ARTICLE });
    const before = positions(getLayout(store.getState().model!));
    store.getState().scale('default', 'deploy-nginx', 4);
    const after = positions(getLayout(store.getState().model!));
    const newPods = [...after.keys()].filter((id) => id.startsWith('pod:') && !before.has(id));
    expect(newPods).toHaveLength(1);
    const host = newPods[0]!.slice('pod:'.length).split('/')[0];
    for (const n of ['master', 'node1', 'node2'].filter((n) => n !== host))
      expect(after.get(`node:${n}`)).toEqual(before.get(`node:${n}`));
  });

  test('docker0: every node shows docker0 172.17.0.1/16, no overlay; same addresses are marked', () => {
    const store = createAppStore({ yaml: ARTICLE });
    store.getState().setCni('docker');
    const layout = getLayout(store.getState().model!);
    const bridges = layout.nodes.filter((n) => n.type === 'iface' && n.data.kind === 'bridge');
    expect(bridges.map((n) => (n.type === 'iface' ? n.data.address : null))).toEqual([
      '172.17.0.1/16',
      '172.17.0.1/16',
      '172.17.0.1/16',
    ]);
    expect(layout.edges.some((e) => e.data?.kind === 'overlay')).toBe(false);
    expect(layout.nodes.some((n) => n.type === 'iface' && n.data.kind === 'vxlan')).toBe(false);
    const colliding = layout.nodes.flatMap((n) =>
      n.type === 'pod' && n.data.collision ? [n.data] : [],
    );
    expect(colliding.length).toBeGreaterThanOrEqual(2);
    const client = colliding.find((p) => p.nsId === 'node1/default/client');
    expect(client?.ip).toBe('172.17.0.2');
    expect(client?.collision?.node).toBe('master');
  });

  test('a NodePort Service shows its ports as kubectl does', () => {
    const text = readFileSync(
      new URL('../../../scenarios/nodeport/scenario.yaml', import.meta.url),
      'utf8',
    );
    const layout = getLayout(createAppStore({ yaml: text }).getState().model!);
    const web = layout.nodes.find((n) => n.id === 'service:default/web');
    expect(web?.type === 'service' && web.data).toMatchObject({
      type: 'NodePort',
      clusterIP: '10.96.120.15',
      ports: ['80:30080/TCP'],
    });
  });
});
