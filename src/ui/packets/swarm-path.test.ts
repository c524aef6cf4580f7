import { describe, expect, test } from 'vitest';
import { swarmPaths } from './swarm-path.ts';
import type { PacketFrame } from './timeline.ts';

const frame = (id: string, x: number, y: number, kind: PacketFrame['kind'] = 'route') => ({
  id,
  x,
  y,
  reply: false,
  step: 0,
  kind,
});

describe('swarmPaths', () => {
  test('one path per look, one circle (two arcs) per packet', () => {
    const frames = [frame('a', 10, 20), frame('b', 30.04, 40), frame('c', 5, 5, 'drop')];
    const paths = swarmPaths(frames, (f) => (f.kind === 'drop' ? 'lost' : 'ok'));
    expect(paths.map((p) => [p.cls, p.count])).toEqual([
      ['ok', 2],
      ['lost', 1],
    ]);
    expect(paths[0]!.d).toBe(
      'M7 20a3 3 0 1 0 6 0a3 3 0 1 0 -6 0M27 40a3 3 0 1 0 6 0a3 3 0 1 0 -6 0',
    );
  });

  test('no packets, no paths', () => {
    expect(swarmPaths([], () => 'x')).toEqual([]);
  });
});
