import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileScenario, runTraceSpec, type Trace } from '../../engine/index.ts';
import type { Geometry, Point } from './geometry.ts';
import {
  DWELL,
  buildBurstTimeline,
  buildTraceTimeline,
  framesAt,
  stepAt,
  type Timeline,
} from './timeline.ts';

function articleTrace(connections = 1, detail = 1): Trace {
  const text = readFileSync(
    new URL('../../../scenarios/article/scenario.yaml', import.meta.url),
    'utf8',
  );
  const cluster = compileScenario([{ name: 'scenario.yaml', text }]).cluster!;
  const r = runTraceSpec(cluster, {
    from: 'client',
    to: 'clusterip-service',
    seed: 1,
    packets: 1,
    connections,
  });
  if (!r.ok) throw new Error(r.error);
  if (detail <= 1) return r.value;
  // Bursts keep hops for their first connections: copy connection 0's packets onto the others.
  const [first] = r.value.connections;
  return {
    ...r.value,
    connections: r.value.connections.map((c, i) =>
      i < detail ? { ...c, packets: first!.packets } : c,
    ),
  };
}

/** A made-up layout: node k's devices in column k, pods below; straight lines between them. */
function anchorsFor(trace: Trace): Map<string, Point> {
  const m = new Map<string, Point>();
  ['master', 'node1', 'node2'].forEach((node, k) => {
    const x = k * 400;
    m.set(`host:${node}`, { x, y: 0 });
    m.set(`eth0:${node}`, { x, y: -100 });
    m.set(`bridge:${node}`, { x, y: 100 });
    m.set(`vxlan:${node}`, { x: x + 100, y: 100 });
  });
  for (const p of trace.connections[0]!.packets)
    for (const h of p.hops)
      if (h.link?.startsWith('veth:')) {
        const id = h.link.slice(5);
        const x = id.startsWith('node1') ? 400 : 800;
        m.set(`veth:${id}`, { x, y: 200 });
        m.set(`pod:${id}`, { x, y: 300 });
      }
  return m;
}

const at = (tl: Timeline, t: number) => framesAt(tl, t).map((f) => [f.x, f.y, f.step]);

describe('buildTraceTimeline + framesAt', () => {
  const trace = articleTrace();
  const anchors = anchorsFor(trace);
  const tl = buildTraceTimeline(trace, { anchors }, false);
  const hops = trace.connections[0]!.packets.flatMap((p) => p.hops);

  test('one step per hop of both packets; one packet on screen at a time', () => {
    expect(tl.tracks).toHaveLength(1);
    expect(tl.tracks[0]!.steps).toHaveLength(hops.length);
    expect(tl.duration).toBe(hops.length - 1);
    for (const t of [0, 0.5, 3.7, 10, tl.duration, tl.duration + 5])
      expect(framesAt(tl, t)).toHaveLength(1);
  });

  test('at t = i the packet sits on hop i, and rests there for DWELL', () => {
    expect(at(tl, 0)).toEqual([[400, 300, 0]]); // the client pod
    expect(at(tl, 2)).toEqual([[400, 200, 2]]); // its veth
    expect(at(tl, 3)).toEqual([[400, 100, 3]]); // node1's bridge: PREROUTING
    expect(at(tl, 3 + DWELL / 2)).toEqual(at(tl, 3));
  });

  test('on the wire it rides the overlay edge between the vxlan anchors, as drawn', () => {
    const wire = hops.findIndex((h) => h.kind === 'wire');
    expect(at(tl, wire - 1)).toEqual([[500, 100, wire - 1]]); // encap at vxlan:node1
    expect(at(tl, wire)).toEqual([[900, 100, wire]]); // vxlan:node2
    // A drawn route (down to a lane at y = 150 and back up) is followed, not cut across.
    const lane: Geometry = {
      anchors,
      route: (a, b) => {
        const [pa, pb] = [anchors.get(a)!, anchors.get(b)!];
        return a.startsWith('vxlan:') && b.startsWith('vxlan:')
          ? [pa, { x: pa.x, y: 150 }, { x: pb.x, y: 150 }, pb]
          : [pa, pb];
      },
    };
    const [mid] = framesAt(
      buildTraceTimeline(trace, lane, false),
      wire - 1 + DWELL + (1 - DWELL) / 2,
    );
    expect(mid!.y).toBe(150);
    expect(mid!.x).toBeGreaterThan(500);
    expect(mid!.x).toBeLessThan(900);
  });

  test('the reply is its own packet, coming back to the client', () => {
    const replyStart = trace.connections[0]!.packets[0]!.hops.length;
    const [f] = framesAt(tl, replyStart);
    expect(f!.reply).toBe(true);
    expect(f!.id).toBe('t.c0.p1');
    expect(at(tl, tl.duration)).toEqual([[400, 300, tl.duration]]);
    expect(at(tl, tl.duration + 3)).toEqual(at(tl, tl.duration)); // held at the end
  });

  test('snap jumps from hop to hop', () => {
    const snap = buildTraceTimeline(trace, { anchors }, true);
    expect(at(snap, 3.9)).toEqual(at(snap, 3));
  });

  test('missing anchors fall back to the nearest drawn place instead of failing', () => {
    const sparse = new Map([...anchors].filter(([k]) => !k.startsWith('veth:')));
    const t2 = buildTraceTimeline(trace, { anchors: sparse }, false);
    expect(at(t2, 2)).toEqual([[400, 300, 2]]); // veth → its pod
  });
});

describe('buildBurstTimeline', () => {
  const trace = articleTrace(300, 250);
  const tl = buildBurstTimeline(trace, { anchors: anchorsFor(trace) }, 0.02, 200);

  test('one track per detailed connection up to the limit, staggered', () => {
    expect(tl.tracks).toHaveLength(200);
    expect(tl.tracks[199]!.start).toBeCloseTo(199 * 0.02);
    expect(stepAt(tl.tracks[10]!, 0)).toBe(-1);
  });

  test('all 200 in flight together, gone after the end', () => {
    expect(framesAt(tl, 5)).toHaveLength(200);
    expect(new Set(framesAt(tl, 5).map((f) => f.id)).size).toBe(200);
    expect(framesAt(tl, tl.duration + 1)).toHaveLength(0);
  });
});
