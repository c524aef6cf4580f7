/** The mutable collector layout.ts fills in one pass and then freezes into a TopologyLayout. */
import type { LinkData, LinkEdge, Point, TopologyNode } from './types.ts';

export interface LayoutBuilder {
  readonly nodes: TopologyNode[];
  readonly edges: LinkEdge[];
  readonly anchors: Map<string, Point>;
  readonly paths: Map<string, readonly Point[]>;
  readonly edgeByEnds: Map<string, string>;
}

export function newBuilder(): LayoutBuilder {
  return { nodes: [], edges: [], anchors: new Map(), paths: new Map(), edgeByEnds: new Map() };
}

export const endsKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

export interface LinkSpec {
  readonly id: string;
  /** React Flow node ids. */
  readonly source: string;
  readonly target: string;
  /** The anchors at the path's two ends (first point, last point). */
  readonly from: string;
  readonly to: string;
  readonly data: LinkData;
}

export function addLink(b: LayoutBuilder, spec: LinkSpec): void {
  b.edges.push({
    id: spec.id,
    type: 'link',
    source: spec.source,
    target: spec.target,
    data: spec.data,
    selectable: false,
    focusable: false,
    className: `link link-${spec.data.kind}`,
  });
  b.paths.set(spec.id, spec.data.points);
  b.edgeByEnds.set(endsKey(spec.from, spec.to), spec.id);
}

export const pt = (x: number, y: number): Point => ({ x, y });
