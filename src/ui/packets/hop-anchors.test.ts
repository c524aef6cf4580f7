import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileScenario, runTraceSpec, type Hop } from '../../engine/index.ts';
import { hopWaypoints } from './hop-anchors.ts';

function hopsOf(scenario: string, from: string, to: string): { orig: Hop[]; reply: Hop[] } {
  const text = readFileSync(
    new URL(`../../../scenarios/${scenario}/scenario.yaml`, import.meta.url),
    'utf8',
  );
  const cluster = compileScenario([{ name: 'scenario.yaml', text }]).cluster!;
  const r = runTraceSpec(cluster, { from, to, seed: 1, packets: 1 });
  if (!r.ok) throw new Error(r.error);
  const [orig, reply] = r.value.connections[0]!.packets;
  return { orig: [...orig!.hops], reply: [...(reply?.hops ?? [])] };
}

describe('hopWaypoints', () => {
  const { orig, reply } = hopsOf('article', 'client', 'clusterip-service');
  const places = orig.map((h) => hopWaypoints(h).join(' → '));

  test('a pod → Service packet walks pod, veth, bridge, vxlan, the overlay, and down on node2', () => {
    expect(places[0]).toBe('pod:node1/default/client');
    expect(places[2]).toBe('veth:node1/default/client');
    expect(places[3]).toBe('bridge:node1'); // PREROUTING on weave: the DNAT
    expect(places).toContain('vxlan:node1');
    expect(places).toContain('vxlan:node1 → vxlan:node2'); // the overlay link's edge
    expect(places).toContain('vxlan:node2');
    const last = places[places.length - 1]!;
    expect(last).toMatch(/^pod:node2\/default\/deploy-nginx-/);
    // Into the pod: through its veth first.
    expect(places[places.length - 2]).toMatch(/^veth:node2\/.* → pod:node2\//);
  });

  test('the reply crosses the overlay the other way', () => {
    expect(reply.map((h) => hopWaypoints(h).join(' → '))).toContain('vxlan:node2 → vxlan:node1');
  });

  test('a process on the node sits on the host, its eth0 or the bridge', () => {
    const { orig: fromNode } = hopsOf('article', 'node1', 'clusterip-service');
    expect(hopWaypoints(fromNode[0]!)).toEqual(['host:node1']);
    expect(fromNode.map((h) => hopWaypoints(h)[0])).toContain('eth0:node1');
  });

  test('an outside client enters over the LAN', () => {
    const hop: Hop = {
      kind: 'wire',
      node: null,
      namespace: 'wire',
      link: 'lan:outside>node1',
      before: orig[0]!.before,
      after: orig[0]!.after,
      note: '',
      noteMsg: [],
    };
    expect(hopWaypoints(hop)).toEqual(['outside', 'eth0:node1']);
    expect(hopWaypoints({ ...hop, link: undefined, namespace: 'outside' } as Hop)).toEqual([
      'outside',
    ]);
  });
});
