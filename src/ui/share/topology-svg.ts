/**
 * The topology as a standalone SVG document, drawn from the same layout the screen uses (boxes,
 * labels, link paths), so a handout matches the picture. Pure: layout in, text out.
 */
import { svgPath } from '../topology/link-path.ts';
import type { Point, TopologyLayout, TopologyNode } from '../topology/types.ts';

export interface SvgColors {
  readonly bg: string;
  readonly fg: string;
  readonly muted: string;
  readonly border: string;
  readonly node: string;
  readonly pod: string;
  readonly bridge: string;
  readonly overlay: string;
}

export const LIGHT_COLORS: SvgColors = {
  bg: '#eef1f5',
  fg: '#1d232b',
  muted: '#5b6675',
  border: '#aab4c2',
  node: '#f3f6fb',
  pod: '#ffffff',
  bridge: '#7b4fd6',
  overlay: '#d9731a',
};

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A node's top-left corner in flow coordinates (children are placed relative to their parent). */
function absolute(node: TopologyNode, byId: ReadonlyMap<string, TopologyNode>): Point {
  let x = node.position.x;
  let y = node.position.y;
  let parent = node.parentId ? byId.get(node.parentId) : undefined;
  while (parent) {
    x += parent.position.x;
    y += parent.position.y;
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return { x, y };
}

/** Lines of text a node shows (its name first). */
function labelsOf(node: TopologyNode): string[] {
  switch (node.type) {
    case 'kube-node':
      return [
        `${node.data.name} (${node.data.role})`,
        `eth0 ${node.data.internalIP}`,
        node.data.hostPods.map((p) => p.label).join(' · '),
      ];
    case 'pod':
      return [
        node.data.shortName,
        node.data.ip,
        ...(node.data.collision ? [`same address as ${node.data.collision.pod}`] : []),
      ];
    case 'more-pods':
      return [`+${String(node.data.count)} more pods`];
    case 'iface':
      return [node.data.address ? `${node.data.dev} ${node.data.address}` : node.data.dev];
    case 'service':
      return [
        node.data.name,
        [node.data.clusterIP ?? '', node.data.ports.join(', ')].filter(Boolean).join(' '),
      ];
    case 'outside':
      return ['outside client', ...(node.data.gateway ? [`via ${node.data.gateway}`] : [])];
    default:
      return [];
  }
}

export function topologySvg(layout: TopologyLayout, colors: SvgColors = LIGHT_COLORS): string {
  const pad = 24;
  const { x, y, width, height } = layout.bounds;
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width + 2 * pad)}" height="${Math.ceil(height + 2 * pad)}" viewBox="${x - pad} ${y - pad} ${width + 2 * pad} ${height + 2 * pad}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="11">`,
    `<rect x="${x - pad}" y="${y - pad}" width="${width + 2 * pad}" height="${height + 2 * pad}" fill="${colors.bg}"/>`,
  ];
  // Groups first (Kubernetes nodes), then their contents, then links on top, like the screen.
  const order = [...layout.nodes].sort(
    (a, b) => Number(b.type === 'kube-node') - Number(a.type === 'kube-node'),
  );
  for (const node of order) {
    const at = absolute(node, byId);
    const w = node.width ?? 0;
    const h = node.height ?? 0;
    const fill = node.type === 'kube-node' ? colors.node : colors.pod;
    const stroke =
      node.type === 'iface' && node.data.kind === 'bridge' ? colors.bridge : colors.border;
    out.push(`<g id="${escape(node.id)}">`);
    out.push(
      `<rect x="${at.x}" y="${at.y}" width="${w}" height="${h}" rx="6" fill="${fill}" stroke="${stroke}"/>`,
    );
    labelsOf(node)
      .filter((l) => l !== '')
      .forEach((line, i) => {
        const weight = i === 0 ? ' font-weight="bold"' : '';
        const color = i === 0 ? colors.fg : colors.muted;
        out.push(
          `<text x="${at.x + 6}" y="${at.y + 14 + i * 13}" fill="${color}"${weight}>${escape(line)}</text>`,
        );
      });
    out.push('</g>');
  }
  for (const edge of layout.edges) {
    const data = edge.data;
    if (!data) continue;
    const color =
      data.kind === 'overlay'
        ? colors.overlay
        : data.kind === 'veth'
          ? colors.bridge
          : colors.muted;
    const dash = data.kind === 'overlay' ? ' stroke-dasharray="6 4"' : '';
    out.push(
      `<path id="${escape(edge.id)}" d="${svgPath(data.points)}" fill="none" stroke="${color}" stroke-width="1.5"${dash}/>`,
    );
    for (const { label, at } of data.labels) {
      const text =
        label.kind === 'lan'
          ? `LAN ${label.cidr}`
          : label.kind === 'overlay'
            ? `Weave overlay · VXLAN UDP ${String(label.port)} · MTU ${String(label.mtu)}`
            : 'no overlay: each docker0 is its own network';
      out.push(`<text x="${at.x}" y="${at.y + 4}" fill="${colors.muted}">${escape(text)}</text>`);
    }
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
