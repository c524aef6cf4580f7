/**
 * Links between nodes. Every pair of nodes (and each node and the outside client) has its own
 * edge, with the engine's link id, but they are drawn as buses: down from eth0 to the LAN bus
 * under the row, along it, and up again; Weave's overlay does the same on its own lane between
 * the vxlan-6784 devices. Pairs overlap on the bus, so the picture stays one bus per kind, and
 * the edge of the hop under the packet lights up exactly its stretch.
 */
import { OUTSIDE_ID, edgeIdForLink, eth0Id, vxlanId } from './ids.ts';
import { addLink, pt, type LayoutBuilder } from './layout-builder.ts';
import type { NodePorts } from './node-layout.ts';
import * as S from './sizes.ts';
import type { LinkData, Point } from './types.ts';

export interface PlacedNode {
  readonly name: string;
  readonly row: number;
  readonly ports: NodePorts;
}

export interface LaneContext {
  /** Baseline (bottom edge of the nodes) of each row. */
  readonly baselines: readonly number[];
  readonly lanCidr: string | null;
  /** Weave's overlay, or null (docker0). */
  readonly overlay: { readonly port: number; readonly mtu: number } | null;
}

type Labels = LinkData['labels'];
const NONE: Labels = [];

/** Along a bus from one row to another (a trunk left of the grid joins rows). */
function busRoute(
  a: Point,
  rowA: number,
  b: Point,
  rowB: number,
  ctx: LaneContext,
  dy: number,
  trunkX: number,
): Point[] {
  const ya = ctx.baselines[rowA]! + dy;
  const yb = ctx.baselines[rowB]! + dy;
  if (rowA === rowB) return [a, pt(a.x, ya), pt(b.x, ya), b];
  return [a, pt(a.x, ya), pt(trunkX, ya), pt(trunkX, yb), pt(b.x, yb), b];
}

/**
 * The lanes' labels, carried by the first node's first link: the LAN's just above the bus, the
 * overlay's (or, with docker0, the note that there is none) under the overlay lane.
 */
function laneLabels(a: PlacedNode, ctx: LaneContext): Labels {
  const base = ctx.baselines[a.row]!;
  const labels: { label: LinkData['labels'][number]['label']; at: Point }[] = [];
  if (ctx.lanCidr)
    labels.push({
      label: { kind: 'lan', cidr: ctx.lanCidr },
      at: pt(a.ports.eth0.x + 8, base + S.LAN_DY - 9),
    });
  if (ctx.overlay && a.ports.vxlan)
    labels.push({
      label: { kind: 'overlay', ...ctx.overlay },
      at: pt(a.ports.vxlan.x + 8, base + S.OVERLAY_DY + 12),
    });
  else if (!ctx.overlay)
    labels.push({
      label: { kind: 'no-overlay' },
      at: pt(a.ports.eth0.x + 80, base + S.OVERLAY_DY),
    });
  return labels;
}

export function placeLinks(
  b: LayoutBuilder,
  placed: readonly PlacedNode[],
  outside: { readonly at: Point; readonly row: number },
  ctx: LaneContext,
): void {
  for (let i = 0; i < placed.length; i++) {
    const a = placed[i]!;
    for (let j = i + 1; j < placed.length; j++) {
      const c = placed[j]!;
      addLink(b, {
        id: edgeIdForLink(`lan:${a.name}>${c.name}`),
        source: eth0Id(a.name),
        target: eth0Id(c.name),
        from: eth0Id(a.name),
        to: eth0Id(c.name),
        data: {
          kind: 'lan',
          points: busRoute(a.ports.eth0, a.row, c.ports.eth0, c.row, ctx, S.LAN_DY, S.TRUNK_X),
          labels: i === 0 && j === 1 ? laneLabels(a, ctx) : NONE,
        },
      });
      if (!a.ports.vxlan || !c.ports.vxlan || !ctx.overlay) continue;
      const overlay = busRoute(
        a.ports.vxlan,
        a.row,
        c.ports.vxlan,
        c.row,
        ctx,
        S.OVERLAY_DY,
        S.TRUNK_X - 8,
      );
      addLink(b, {
        id: edgeIdForLink(`overlay:${a.name}>${c.name}`),
        source: vxlanId(a.name),
        target: vxlanId(c.name),
        from: vxlanId(a.name),
        to: vxlanId(c.name),
        data: { kind: 'overlay', points: overlay, labels: NONE },
      });
    }
    addLink(b, {
      id: edgeIdForLink(`lan:${a.name}>outside`),
      source: eth0Id(a.name),
      target: OUTSIDE_ID,
      from: eth0Id(a.name),
      to: OUTSIDE_ID,
      data: {
        kind: 'lan',
        points: busRoute(a.ports.eth0, a.row, outside.at, outside.row, ctx, S.LAN_DY, S.TRUNK_X),
        // With a single node there is no pair to carry the lanes' labels.
        labels: placed.length === 1 ? laneLabels(a, ctx) : NONE,
      },
    });
  }
}
