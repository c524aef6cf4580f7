/**
 * How a connection ended, in the learner's language: the kind (delivered, dropped…) and the detail
 * (where it arrived, or where and why it was lost). Pure; shared by the outcome line and the
 * Markdown export.
 */
import type { Outcome } from '../../engine/index.ts';
import type { Lang } from '../../store/view-slice.ts';
import { translate } from '../i18n/i18n.ts';
import { TRACE_MESSAGES } from './messages.ts';
import { noteText } from './trace-language.ts';

type Key = keyof (typeof TRACE_MESSAGES)['en'];

/** The engine's place words (`pod default/web-1`, `node node1`, `outside`, `host itself`). */
function placeText(to: string, lang: Lang): string {
  const t = (key: Key, vars?: Readonly<Record<string, string>>) =>
    translate(TRACE_MESSAGES, lang, key, vars);
  const self = /^(.+) itself$/.exec(to);
  if (self) return t('placeItself', { place: placeText(self[1]!, lang) });
  if (to === 'outside') return t('placeOutside');
  if (to === 'host') return t('placeHost');
  const m = /^(pod|node) (.+)$/.exec(to);
  if (m) return t(m[1] === 'pod' ? 'placePod' : 'placeNode', { name: m[2]! });
  return to;
}

/** `Delivered`, `Dropped`… */
export function outcomeKindText(o: Outcome, lang: Lang): string {
  return translate(TRACE_MESSAGES, lang, `outcome_${o.kind}`);
}

/** Where it arrived (`to pod default/web-1 (10.36.0.1:80) on node2`) or where and why it was lost. */
export function outcomeDetail(o: Outcome, lang: Lang): string {
  if (o.kind === 'delivered') {
    const place = placeText(o.to, lang);
    const addr = o.ip.includes(':') ? `[${o.ip}]:${o.port}` : `${o.ip}:${o.port}`;
    return o.node
      ? translate(TRACE_MESSAGES, lang, 'deliveredOn', { place, addr, node: o.node })
      : translate(TRACE_MESSAGES, lang, 'deliveredTo', { place, addr });
  }
  const reason = noteText(o.reasonMsg, lang);
  if (!o.node) return reason;
  return translate(TRACE_MESSAGES, lang, o.kind === 'unreachable' ? 'unreachableFrom' : 'lostOn', {
    node: o.node,
    reason,
  });
}
