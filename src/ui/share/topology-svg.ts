/**
 * The topology as a standalone SVG document, drawn from the same layout the screen uses (boxes,
 * labels, link paths), so a handout matches the picture. Pure: layout in, text out.
 */
import { svgPath } from '../topology/link-path.ts';
import { SPINE_X } from '../topology/sizes.ts';
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

/** The words the picture needs, in the learner's language (names and addresses stay as they are). */
export interface SvgWords {
  outside(): string;
  outsideVia(ip: string): string;
  morePods(n: number): string;
  collision(pod: string, node: string): string;
  lan(cidr: string): string;
  overlay(port: number, mtu: number): string;
  noOverlay(): string;
}

export const ENGLISH_WORDS: SvgWords = {
  outside: () => 'Outside the cluster',
  outsideVia: (ip) => `via ${ip}`,
  morePods: (n) => `+${String(n)} more pods`,
  collision: (pod, node) => `same address as ${pod} on ${node}`,
  lan: (cidr) => `LAN ${cidr}`,
  overlay: (port, mtu) => `Weave overlay · VXLAN UDP ${String(port)} · MTU ${String(mtu)}`,
  noOverlay: () => 'No overlay: each node’s docker0 is its own 172.17.0.0/16',
};

/** Lines of text a box shows (its name first, in bold). */
function labelsOf(node: TopologyNode, words: SvgWords): string[] {
  switch (node.type) {
    case 'kube-node':
      return [`${node.data.name} (${node.data.role})`];
    case 'pod':
      return [
        node.data.shortName,
        node.data.ip,
        ...(node.data.collision
          ? [words.collision(node.data.collision.pod, node.data.collision.node)]
          : []),
      ];
    case 'more-pods':
      return [words.morePods(node.data.count)];
    case 'iface':
      if (node.data.kind === 'bridge') return [`${node.data.dev} ${node.data.address ?? ''}`];
      if (node.data.kind === 'vxlan') return ['VXLAN', node.data.dev];
      return [node.data.dev, node.data.address ?? ''];
    case 'service':
      return [node.data.name, node.data.clusterIP ?? '', node.data.ports.join(' · ')];
    case 'outside':
      return [words.outside(), ...(node.data.gateway ? [words.outsideVia(node.data.gateway)] : [])];
    default:
      return [];
  }
}

const FONTS =
  "DejaVu Sans, 'Noto Sans', 'Noto Sans CJK KR', NanumGothic, 'Liberation Sans', Arial, sans-serif";

export function topologySvg(
  layout: TopologyLayout,
  colors: SvgColors = LIGHT_COLORS,
  words: SvgWords = ENGLISH_WORDS,
): string {
  const pad = 24;
  const { x, y, width, height } = layout.bounds;
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width + 2 * pad)}" height="${Math.ceil(height + 2 * pad)}" viewBox="${x - pad} ${y - pad} ${width + 2 * pad} ${height + 2 * pad}" font-family="${escape(FONTS)}" font-size="11">`,
    `<rect x="${x - pad}" y="${y - pad}" width="${width + 2 * pad}" height="${height + 2 * pad}" fill="${colors.bg}"/>`,
  ];
  const box = (node: TopologyNode) => {
    const at = absolute(node, byId);
    const w = node.width ?? 0;
    const h = node.height ?? 0;
    const fill = node.type === 'kube-node' ? colors.node : colors.pod;
    const stroke =
      node.type === 'iface' && node.data.kind === 'bridge'
        ? colors.bridge
        : node.type === 'iface' && node.data.kind === 'vxlan'
          ? colors.overlay
          : colors.border;
    const dash =
      node.type === 'iface' && node.data.kind === 'vxlan' ? ' stroke-dasharray="4 3"' : '';
    out.push(`<g id="${escape(node.id)}">`);
    out.push(
      `<rect x="${at.x}" y="${at.y}" width="${w}" height="${h}" rx="6" fill="${fill}" stroke="${stroke}"${dash}/>`,
    );
    // Text in a nested <svg>: what does not fit the box is cut at its edge, as on screen.
    const lines = labelsOf(node, words).filter((l) => l !== '');
    const chip = node.type === 'iface' && node.data.kind !== 'bridge';
    if (lines.length > 0) {
      out.push(`<svg x="${at.x}" y="${at.y}" width="${w}" height="${h}">`);
      lines.forEach((line, i) => {
        const weight = i === 0 ? ' font-weight="bold"' : '';
        const color = i === 0 ? colors.fg : colors.muted;
        const size = chip || i > 0 ? ' font-size="10"' : '';
        const top = chip ? 13 + i * 12 : 15 + i * 13;
        out.push(`<text x="6" y="${top}" fill="${color}"${weight}${size}>${escape(line)}</text>`);
      });
      if (node.type === 'kube-node' && node.data.rail) {
        const { top, bottom } = node.data.rail;
        out.push(
          `<path d="M${SPINE_X} ${top}V${bottom}" stroke="${colors.bridge}" stroke-width="1.5"/>`,
        );
      }
      if (node.type === 'kube-node' && node.data.hostPods.length > 0) {
        const hostPods = node.data.hostPods.map((p) => p.label).join(' · ');
        out.push(
          `<text x="26" y="${node.data.hostTop + 15}" fill="${colors.muted}" font-size="10">${escape(hostPods)}</text>`,
        );
      }
      out.push('</svg>');
    }
    out.push('</g>');
  };
  const labels: string[] = [];
  // As on screen: the node groups, the links over them, the devices and pods on top of the links.
  for (const node of layout.nodes) if (node.type === 'kube-node') box(node);
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
          ? words.lan(label.cidr)
          : label.kind === 'overlay'
            ? words.overlay(label.port, label.mtu)
            : words.noOverlay();
      labels.push(
        `<text x="${at.x}" y="${at.y + 4}" fill="${colors.muted}" font-size="10">${escape(text)}</text>`,
      );
    }
  }
  for (const node of layout.nodes) if (node.type !== 'kube-node') box(node);
  out.push(...labels);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
