/**
 * Many packets as one SVG path per look: a burst's hundreds of dots cost one element to restyle
 * and paint instead of hundreds (each moved <circle> is restyled and repainted on its own, which
 * made 200 packets miss the 20 ms frame budget). Pure.
 */
import type { PacketFrame } from './timeline.ts';

/** Radius of a burst packet's dot, in flow units. */
export const SWARM_RADIUS = 3;

export interface SwarmPath {
  /** Its class list, also the d3 join key: one path per look. */
  readonly cls: string;
  /** One circle per packet (two arcs), as path data. */
  readonly d: string;
  readonly count: number;
}

const round = (v: number) => Math.round(v * 10) / 10;

function dot(x: number, y: number): string {
  const r = SWARM_RADIUS;
  return `M${round(x - r)} ${round(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
}

/** Groups packets by look (`classOf`) and draws each group as one path. */
export function swarmPaths(
  frames: readonly PacketFrame[],
  classOf: (f: PacketFrame) => string,
): SwarmPath[] {
  const groups = new Map<string, { d: string[]; count: number }>();
  for (const f of frames) {
    const cls = classOf(f);
    let g = groups.get(cls);
    if (!g) groups.set(cls, (g = { d: [], count: 0 }));
    g.d.push(dot(f.x, f.y));
    g.count++;
  }
  return [...groups].map(([cls, g]) => ({ cls, d: g.d.join(''), count: g.count }));
}
