/** Exports the topology on screen as SVG, or as PNG rendered from that SVG in a canvas. */
import type { AppState } from '../../store/app-state.ts';
import type { Lang } from '../../store/view-slice.ts';
import { translate } from '../i18n/i18n.ts';
import { getLayout } from '../topology/layout.ts';
import { TOPOLOGY_MESSAGES } from '../topology/messages.ts';
import { downloadBlob, downloadText } from './download.ts';
import { LIGHT_COLORS, topologySvg, type SvgColors, type SvgWords } from './topology-svg.ts';

type TopologyKey = keyof (typeof TOPOLOGY_MESSAGES)['en'];

/** The picture's words as the topology on screen says them. */
function words(lang: Lang): SvgWords {
  const t = (key: TopologyKey, vars?: Readonly<Record<string, string | number>>) =>
    translate(TOPOLOGY_MESSAGES, lang, key, vars);
  return {
    outside: () => t('outside'),
    outsideVia: (ip) => t('outsideVia', { ip }),
    morePods: (n) => t('morePods', { n }),
    collision: (pod, node) => t('collision', { pod, node }),
    lan: (cidr) => t('lan', { cidr }),
    overlay: (port, mtu) => t('overlay', { port, mtu }),
    noOverlay: () => t('noOverlay'),
  };
}

/** The page's theme colours, read from its CSS variables. */
function themeColors(): SvgColors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    bg: v('--bg', LIGHT_COLORS.bg),
    fg: v('--fg', LIGHT_COLORS.fg),
    muted: v('--muted', LIGHT_COLORS.muted),
    border: v('--border', LIGHT_COLORS.border),
    node: v('--node-bg', LIGHT_COLORS.node),
    pod: v('--pod-bg', LIGHT_COLORS.pod),
    bridge: v('--bridge', LIGHT_COLORS.bridge),
    overlay: v('--overlay', LIGHT_COLORS.overlay),
  };
}

export async function exportTopology(s: AppState, kind: 'svg' | 'png'): Promise<void> {
  if (!s.model) return;
  const svg = topologySvg(getLayout(s.model), themeColors(), words(s.lang));
  if (kind === 'svg') {
    downloadText('podpath-topology.svg', svg, 'image/svg+xml');
    return;
  }
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = 2; // crisp on projectors and in print
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * scale;
    canvas.height = img.naturalHeight * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) downloadBlob('podpath-topology.png', blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}
