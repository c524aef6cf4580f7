/**
 * How the connection ended: delivered (and where), dropped, rejected or unreachable, and why (the
 * engine's words after the translated kind).
 */
import { formatOutcome } from '../../engine/index.ts';
import { useT } from '../i18n/i18n.ts';
import { useAppStore } from '../app/store-context.ts';
import { TRACE_MESSAGES } from './messages.ts';

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
      <strong>{t(`outcome_${outcome.kind}`)}</strong> {formatOutcome(outcome).replace(/^\w+ /, '')}
    </p>
  );
}
