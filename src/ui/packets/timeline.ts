/**
 * A trace on a clock: each hop becomes a timed move between anchors, and `framesAt` says where
 * every packet is at time `t`. Pure (no DOM, no clock), so the animator only feeds it time.
 *
 * Time is counted in hops: a track reaches its hop i at `start + i`, waits there for DWELL of a
 * hop, then moves on towards hop i + 1. So "seek to hop i" is simply t = i.
 */
import { easeCubicInOut } from 'd3-ease';
import type { Hop, HopKind, Trace } from '../../engine/index.ts';
import {
  lastPoint,
  pointAlong,
  polyline,
  resolveAnchor,
  type Geometry,
  type Point,
  type Polyline,
} from './geometry.ts';
import { hopWaypoints } from './hop-anchors.ts';

/** Share of a hop's time the packet rests at the hop before moving on. */
export const DWELL = 0.35;

/** One hop on screen: the way the packet comes to it. */
export interface TimedStep {
  /** From where the packet was to where this hop happens (one point when it does not move). */
  readonly path: Polyline;
  /** The packet of the connection it belongs to (`t.c0.p1`): the d3 join key. */
  readonly packetId: string;
  readonly reply: boolean;
  readonly kind: HopKind;
}

/** A packet (or a connection's packets one after the other) and when it starts. */
export interface Track {
  /** Clock time at which the track reaches its first hop. */
  readonly start: number;
  readonly steps: readonly TimedStep[];
  /** Keep the packet at its last hop once it got there (one trace); else it disappears (burst). */
  readonly hold: boolean;
}

export interface Timeline {
  readonly tracks: readonly Track[];
  /** Clock time when the last track reaches its last hop. */
  readonly duration: number;
  /** Jump from hop to hop instead of moving (reduced motion). */
  readonly snap: boolean;
}

/** Where one packet is drawn in one frame. */
export interface PacketFrame {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly reply: boolean;
  /** The hop of its track it is at or has just left. */
  readonly step: number;
  readonly kind: HopKind;
}

export const EMPTY_TIMELINE: Timeline = { tracks: [], duration: 0, snap: false };

const ORIGIN: Point = { x: 0, y: 0 };

interface TrackHop {
  readonly hop: Hop;
  readonly packetId: string;
  readonly reply: boolean;
}

/** Builds a track: each hop's path runs from where the packet was, along the drawn links. */
function trackOf(
  hops: readonly TrackHop[],
  geometry: Geometry,
  start: number,
  hold: boolean,
): Track {
  let atId: string | null = null;
  let at: Point = ORIGIN;
  const steps: TimedStep[] = [];
  for (const { hop, packetId, reply } of hops) {
    const points: Point[] = [at];
    for (const id of hopWaypoints(hop)) {
      const next = resolveAnchor(geometry.anchors, id);
      if (!next || next.id === atId) continue;
      if (atId === null) points.splice(0, 1, next.at);
      else {
        const drawn = geometry.route?.(atId, next.id) ?? [];
        points.push(...drawn.slice(1));
        const end = points[points.length - 1]!;
        if (end.x !== next.at.x || end.y !== next.at.y) points.push(next.at);
      }
      atId = next.id;
      at = next.at;
    }
    steps.push({ path: polyline(points), packetId, reply, kind: hop.kind });
  }
  return { start, steps, hold };
}

/** The first connection of a trace, every packet both ways, in the order playback steps them. */
export function buildTraceTimeline(trace: Trace, geometry: Geometry, snap: boolean): Timeline {
  const packets = trace.connections[0]?.packets ?? [];
  const hops = packets.flatMap((p, i) =>
    p.hops.map((hop) => ({ hop, packetId: `t.c0.p${i}`, reply: p.direction === 'reply' })),
  );
  if (hops.length === 0) return { ...EMPTY_TIMELINE, snap };
  const track = trackOf(hops, geometry, 0, true);
  return { tracks: [track], duration: track.steps.length - 1, snap };
}

/**
 * Many connections at once: each detailed connection's first packet, started `stagger` hops after
 * the previous one (a burst's first packets in flight together).
 */
export function buildBurstTimeline(
  trace: Trace,
  geometry: Geometry,
  stagger: number,
  limit: number,
): Timeline {
  const tracks: Track[] = [];
  for (const c of trace.connections) {
    if (tracks.length >= limit) break;
    const first = c.packets[0];
    if (!first || first.hops.length === 0) continue;
    const hops = first.hops.map((hop) => ({ hop, packetId: `b.c${c.index}`, reply: false }));
    tracks.push(trackOf(hops, geometry, tracks.length * stagger, false));
  }
  const duration = tracks.reduce((d, tr) => Math.max(d, tr.start + tr.steps.length - 1), 0);
  return { tracks, duration, snap: false };
}

/** The hop a track is at (or has just left) at time `t`; -1 before it starts. */
export function stepAt(track: Track, t: number): number {
  const u = t - track.start;
  if (u < 0) return -1;
  return Math.min(track.steps.length - 1, Math.floor(u));
}

function frameOf(track: Track, t: number, snap: boolean): PacketFrame | null {
  const n = track.steps.length;
  const u = t - track.start;
  if (n === 0 || u < 0) return null;
  if (u >= n - 1) {
    if (!track.hold && u > n - 1 + DWELL) return null;
    const last = track.steps[n - 1]!;
    const p = lastPoint(last.path);
    return { id: last.packetId, x: p.x, y: p.y, reply: last.reply, step: n - 1, kind: last.kind };
  }
  const i = Math.floor(u);
  const f = u - i;
  const here = track.steps[i]!;
  if (snap || f <= DWELL) {
    const p = lastPoint(here.path);
    return { id: here.packetId, x: p.x, y: p.y, reply: here.reply, step: i, kind: here.kind };
  }
  const next = track.steps[i + 1]!;
  const p = pointAlong(next.path, easeCubicInOut((f - DWELL) / (1 - DWELL)));
  return { id: next.packetId, x: p.x, y: p.y, reply: next.reply, step: i, kind: here.kind };
}

/** Every packet on screen at time `t`. */
export function framesAt(timeline: Timeline, t: number): PacketFrame[] {
  const frames: PacketFrame[] = [];
  for (const track of timeline.tracks) {
    const f = frameOf(track, t, timeline.snap);
    if (f) frames.push(f);
  }
  return frames;
}
