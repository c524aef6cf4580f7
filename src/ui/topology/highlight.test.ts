import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createAppStore } from '../../store/app-store.ts';
import { hopCarries, selectActiveEdge, selectHopAnchor, selectHopNode } from './highlight.ts';
import { getLayout } from './layout.ts';

const scenario = (name: string) =>
  readFileSync(new URL(`../../../scenarios/${name}/scenario.yaml`, import.meta.url), 'utf8');

describe('highlights of the hop under the packet', () => {
  test('nothing before a send; then the hop’s anchor, node and edge', () => {
    const store = createAppStore({ yaml: scenario('article') });
    const layout = getLayout(store.getState().model!);
    expect(selectHopAnchor(store.getState())).toBeNull();
    expect(selectActiveEdge(store.getState(), layout)).toBeNull();
    store.getState().send();
    store.getState().seek(0);
    expect(selectHopAnchor(store.getState())).toBe('pod:node1/default/client');
    expect(selectHopNode(store.getState())).toBe('node1');
    // The client sends to the ClusterIP: the Service lights up.
    expect(hopCarries(store.getState(), '10.100.100.100')).toBe(true);

    const s = store.getState();
    const hops = s.trace!.connections[0]!.packets[0]!.hops;
    store.getState().seek(hops.findIndex((h) => h.link === 'overlay:node1>node2'));
    expect(selectActiveEdge(store.getState(), layout)).toBe('overlay:node1~node2');
    expect(selectHopNode(store.getState())).toBeNull();
    // Weave wraps the frame: no link on the hop, the edge between the two anchors.
    store.getState().seek(hops.findIndex((h) => h.kind === 'encap'));
    expect(selectHopAnchor(store.getState())).toBe('vxlan:node1');
    expect(selectActiveEdge(store.getState(), layout)).toBe('bridge-vxlan:node1');
    // Selectors return primitives: the same answer for the same state.
    expect(selectHopAnchor(store.getState())).toBe(selectHopAnchor(store.getState()));
  });

  test('a cluster with many pods draws a few per node and still anchors every pod', () => {
    const store = createAppStore({ yaml: scenario('large-cluster') });
    const model = store.getState().model!;
    const layout = getLayout(model);
    const drawn = layout.nodes.filter((n) => n.type === 'pod').length;
    expect(drawn).toBeLessThanOrEqual(5 * model.network.nodes.length);
    expect(layout.nodes.some((n) => n.type === 'more-pods')).toBe(true);
    for (const n of model.network.nodes)
      for (const ns of n.pods) expect(layout.anchors.has(`pod:${ns.id}`)).toBe(true);
  });
});
