import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildNetwork, compileScenario, runTraceSpec } from '../../engine/index.ts';
import { geometryOf } from './anchors.ts';
import { hopWaypoints } from './hop-anchors.ts';
import { buildTraceTimeline, framesAt } from './timeline.ts';

function model(name: string) {
  const text = readFileSync(
    new URL(`../../../scenarios/${name}/scenario.yaml`, import.meta.url),
    'utf8',
  );
  const cluster = compileScenario([{ name: 'scenario.yaml', text }]).cluster!;
  return { cluster, network: buildNetwork(cluster), version: 1 };
}

describe('packets on the topology layout', () => {
  const m = model('article');
  const geometry = geometryOf(m);
  const r = runTraceSpec(m.cluster, { from: 'client', to: 'clusterip-service', seed: 1 });
  if (!r.ok) throw new Error(r.error);
  const hops = r.value.connections[0]!.packets.flatMap((p) => p.hops);

  test('every place a hop names is an anchor the layout draws', () => {
    const missing = hops.flatMap((h) => hopWaypoints(h)).filter((id) => !geometry.anchors.has(id));
    expect([...new Set(missing)]).toEqual([]);
  });

  test('the packet follows drawn paths and ends on the client', () => {
    const tl = buildTraceTimeline(r.value, geometry, false);
    const client = geometry.anchors.get('pod:node1/default/client')!;
    const [end] = framesAt(tl, tl.duration);
    expect([end!.x, end!.y]).toEqual([client.x, client.y]);
    expect(geometryOf(m)).toBe(geometry); // remembered per model
  });
});
