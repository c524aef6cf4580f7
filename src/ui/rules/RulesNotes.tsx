/** The notes above the lines: the change marks (with a way to hide them) and the current hop. */
import { selectCurrentHop, selectRulesNode, selectStale } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../app/store-context.ts';
import { useT } from '../i18n/i18n.ts';
import type { DiffSummary } from './line-diff.ts';
import { RULES_MESSAGES } from './messages.ts';
import { WhyNote } from './WhyNote.tsx';

interface Props {
  readonly changes: DiffSummary | null;
  readonly onDismiss: () => void;
  readonly onNextChange: () => void;
  readonly highlightedCount: number;
  readonly hopElsewhere: number;
  readonly hasCounts: boolean;
  /** Lines marked for the chosen YAML field. */
  readonly whyCount: number;
}

export function RulesNotes({
  changes,
  onDismiss,
  onNextChange,
  highlightedCount,
  hopElsewhere,
  hasCounts,
  whyCount,
}: Props) {
  const t = useT(RULES_MESSAGES);
  const store = useAppStoreApi();
  const hop = useAppStore(selectCurrentHop);
  const node = useAppStore(selectRulesNode);
  const hopHasRules = !!hop?.rules && hop.rules.length > 0;
  const hasChanges = !!changes && changes.added + changes.removed > 0;
  const stale = useAppStore(selectStale);

  return (
    <div className="rules-notes">
      {stale && (
        <p className="rules-note rules-stale" data-testid="rules.stale">
          {t('stale')}
        </p>
      )}
      {hasChanges && (
        <p className="rules-note rules-changes" data-testid="rules.changes">
          <span>{t('changes')}</span>
          <span className="count-added">{t('added', { n: changes.added })}</span>
          <span className="count-removed">{t('removed', { n: changes.removed })}</span>
          <button type="button" data-testid="rules.next-change" onClick={onNextChange}>
            {t('nextChange')}
          </button>
          <button type="button" data-testid="rules.dismiss" onClick={onDismiss}>
            {t('dismiss')}
          </button>
        </p>
      )}
      {(hopHasRules || hasCounts) && (
        <p className="rules-note rules-hop" data-testid="rules.hop">
          {hopHasRules && hop.node !== null && hop.node !== node && (
            <span>
              {t('hopElsewhere', { node: hop.node })}{' '}
              <button type="button" onClick={() => store.getState().setRulesNode(hop.node!)}>
                {t('hopShowNode', { node: hop.node })}
              </button>
            </span>
          )}
          {hopHasRules && hop.node === node && highlightedCount > 0 && (
            <span>
              <span className="swatch swatch-hop" aria-hidden="true" />{' '}
              {t('hopHere', { where: [hop.hook, hop.node].filter(Boolean).join(', ') })}
            </span>
          )}
          {hopHasRules && hop.node === node && highlightedCount === 0 && hopElsewhere > 0 && (
            <span className="muted">{t('hopNotHere', { n: hopElsewhere })}</span>
          )}
          {hasCounts && <span className="muted">{t('matchedLegend')}</span>}
        </p>
      )}
      <WhyNote count={whyCount} />
    </div>
  );
}
