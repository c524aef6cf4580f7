import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Hop } from '../../engine/index.ts';
import { createAppStore } from '../../store/app-store.ts';
import { anchorOfHop, linkDestination, pathBetween } from './hop-anchor.ts';
import { edgeIdForLink } from './ids.ts';
import { getLayout } from './layout.ts';

const scenario = (name: string) =>
  readFileSync(new URL(`../../../scenarios/${name}/scenario.yaml`, import.meta.url), 'utf8');

function trace(name: string, from: string, to: string, cni: 'weave' | 'docker' = 'weave') {
  const store = createAppStore({ yaml: scenario(name) });
  if (cni === 'docker') store.getState().setCni(cni);
  store.getState().setRequest({ from, to });
  store.getState().send();
  const s = store.getState();
  expect(s.traceError).toBeNull();
  const hops: Hop[] = s.trace!.connections[0]!.packets.flatMap((p) => [...p.hops]);
  return { model: s.model!, hops };
}

const CASES: [string, string, string, 'weave' | 'docker'][] = [
  ['article', 'client', 'clusterip-service', 'weave'],
  ['article', 'client', 'clusterip-service', 'docker'],
  ['nodeport', '203.0.113.7', '192.168.56.11:30080', 'weave'],
  ['nodeport', 'node1', '192.168.56.12:30080', 'weave'],
  ['nodeport', 'node1', 'web:80', 'weave'],
];

describe('hop anchors', () => {
  test.each(CASES)('every hop of %s %s → %s (%s) sits on an anchor of the layout', (...c) => {
    const { model, hops } = trace(...c);
    const layout = getLayout(model);
    let prev: string | null = null;
    for (const hop of hops) {
      const anchor = anchorOfHop(hop, model.network);
      expect(layout.anchors.has(anchor), `${hop.kind} ${hop.node} ${anchor}`).toBe(true);
      if (hop.link) expect(layout.paths.has(edgeIdForLink(hop.link)), hop.link).toBe(true);
      if (prev) {
        const path = pathBetween(layout, prev, anchor);
        expect(path[0]).toEqual(layout.anchors.get(prev));
        expect(path[path.length - 1]).toEqual(layout.anchors.get(anchor));
      }
      prev = anchor;
    }
  });

  test('the article’s request: client → veth → weave → vxlan → node2 → the chosen pod', () => {
    const { model, hops } = trace('article', 'client', 'clusterip-service');
    const anchors = hops.map((h) => anchorOfHop(h, model.network));
    expect(anchors[0]).toBe('pod:node1/default/client');
    expect(anchors).toContain('veth:node1/default/client');
    expect(anchors).toContain('bridge:node1');
    // Encapsulation and the outer datagram's OUTPUT and POSTROUTING stay at node1's vxlan end.
    const i = anchors.lastIndexOf('vxlan:node1', anchors.indexOf('vxlan:node2'));
    expect(anchors.slice(i - 2, i + 2)).toEqual([
      'vxlan:node1',
      'vxlan:node1',
      'vxlan:node1',
      'vxlan:node2',
    ]);
    // On the wire the packet follows the overlay edge, from node1's end to node2's.
    const layout = getLayout(model);
    const path = pathBetween(layout, 'vxlan:node1', 'vxlan:node2');
    expect(path).toEqual(layout.paths.get('overlay:node1~node2'));
    expect(pathBetween(layout, 'vxlan:node2', 'vxlan:node1')).toEqual([...path].reverse());
  });

  test('a link’s far end', () => {
    expect(linkDestination('overlay:node1>node2')).toBe('vxlan:node2');
    expect(linkDestination('lan:outside>node1')).toBe('eth0:node1');
    expect(linkDestination('lan:node1>outside')).toBe('outside');
    expect(linkDestination('veth:node1/default/client')).toBe('veth:node1/default/client');
  });
});
