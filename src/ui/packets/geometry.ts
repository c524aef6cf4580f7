/** Points in flow coordinates and polylines the packets follow. Pure. */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Anchor id → position in flow coordinates (the topology layout's `anchors`). */
export type AnchorMap = ReadonlyMap<string, Point>;

/** A path with its cumulative lengths, so a point at a fraction of it is cheap to find. */
export interface Polyline {
  readonly points: readonly Point[];
  /** `lengths[i]`: distance from the first point to point i. */
  readonly lengths: readonly number[];
}

export function polyline(points: readonly Point[]): Polyline {
  const lengths = [0];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    lengths.push(lengths[i - 1]! + Math.hypot(b.x - a.x, b.y - a.y));
  }
  return { points, lengths };
}

export function lastPoint(line: Polyline): Point {
  return line.points[line.points.length - 1]!;
}

/** The point at fraction `p` (0…1) of the way along `line`. */
export function pointAlong(line: Polyline, p: number): Point {
  const { points, lengths } = line;
  const total = lengths[lengths.length - 1]!;
  if (points.length === 1 || total === 0 || p <= 0) return points[0]!;
  if (p >= 1) return lastPoint(line);
  const d = p * total;
  let i = 1;
  while (i < lengths.length - 1 && lengths[i]! < d) i++;
  const a = points[i - 1]!;
  const b = points[i]!;
  const span = lengths[i]! - lengths[i - 1]!;
  const f = span === 0 ? 1 : (d - lengths[i - 1]!) / span;
  return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
}

/** How packets find their way on the picture: anchor positions and the drawn paths between them. */
export interface Geometry {
  readonly anchors: AnchorMap;
  /** The drawn path from anchor `from` to anchor `to` (both present); a straight line if absent. */
  readonly route?: (from: string, to: string) => readonly Point[];
}

/**
 * An anchor, or the nearest place that is drawn when the layout has no point for it (a veth falls
 * back to its pod, a pod or device to its node's bridge or host).
 */
export function resolveAnchor(anchors: AnchorMap, id: string): { id: string; at: Point } | null {
  const hit = anchors.get(id);
  if (hit) return { id, at: hit };
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const kind = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  const node = rest.split('/')[0]!;
  const next =
    kind === 'veth'
      ? `pod:${rest}`
      : kind === 'pod' || kind === 'vxlan'
        ? `bridge:${node}`
        : kind === 'bridge' || kind === 'eth0'
          ? `host:${node}`
          : null;
  if (next) return resolveAnchor(anchors, next);
  const eth0 = kind === 'host' ? anchors.get(`eth0:${node}`) : undefined;
  return eth0 ? { id: `eth0:${node}`, at: eth0 } : null;
}
