/**
 * How the connection ended: delivered (where, in the learner's language), dropped, rejected or
 * unreachable, and why (the engine's words after the translated kind: they quote rules).
 */
import type { Outcome } from '../../engine/index.ts';
import { useT } from '../i18n/i18n.ts';
import { useAppStore } from '../app/store-context.ts';
import { TRACE_MESSAGES } from './messages.ts';

type T = ReturnType<typeof useT<keyof (typeof TRACE_MESSAGES)['en']>>;

/** The engine's place words (`pod default/web-1`, `node node1`, `outside`, `host itself`). */
function placeText(to: string, t: T): string {
  const self = /^(.+) itself$/.exec(to);
  if (self) return t('placeItself', { place: placeText(self[1]!, t) });
  if (to === 'outside') return t('placeOutside');
  if (to === 'host') return t('placeHost');
  const m = /^(pod|node) (.+)$/.exec(to);
  if (m) return t(m[1] === 'pod' ? 'placePod' : 'placeNode', { name: m[2]! });
  return to;
}

function detail(o: Outcome, t: T): string {
  if (o.kind === 'delivered') {
    const place = placeText(o.to, t);
    const addr = o.ip.includes(':') ? `[${o.ip}]:${o.port}` : `${o.ip}:${o.port}`;
    return o.node
      ? t('deliveredOn', { place, addr, node: o.node })
      : t('deliveredTo', { place, addr });
  }
  if (!o.node) return o.reason;
  return t(o.kind === 'unreachable' ? 'unreachableFrom' : 'lostOn', {
    node: o.node,
    reason: o.reason,
  });
}

export function OutcomeLine() {
  const t = useT(TRACE_MESSAGES);
  const outcome = useAppStore((s) => s.trace?.connections[0]?.outcome ?? null);
  if (!outcome) return null;
  return (
    <p
      className={`outcome outcome-${outcome.kind}`}
      data-testid="trace.outcome"
      data-kind={outcome.kind}
    >
      <strong>{t(`outcome_${outcome.kind}`)}</strong> {detail(outcome, t)}
    </p>
  );
}
