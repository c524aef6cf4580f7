/**
 * How the connection ended: delivered (where), dropped, rejected or unreachable, and why, all in
 * the learner's language (rule text and addresses quoted as they are).
 */
import { useAppStore } from '../app/store-context.ts';
import { outcomeDetail, outcomeKindText } from './outcome-text.ts';

export function OutcomeLine() {
  const lang = useAppStore((s) => s.lang);
  const outcome = useAppStore((s) => s.trace?.connections[0]?.outcome ?? null);
  if (!outcome) return null;
  return (
    <p
      className={`outcome outcome-${outcome.kind}`}
      data-testid="trace.outcome"
      data-kind={outcome.kind}
    >
      <strong>{outcomeKindText(outcome, lang)}</strong> {outcomeDetail(outcome, lang)}
    </p>
  );
}
