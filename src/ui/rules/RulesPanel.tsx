/**
 * The rules panel: kube-proxy's rules on one node in the form a learner would print them, a grep
 * box, the lines the last change added and removed, the current hop's rules highlighted, how often
 * the trace matched each rule, and the Service's probability table.
 */
import { useRef, useState } from 'react';
import { selectModelVersion, selectRulesNode } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../app/store-context.ts';
import { useT } from '../i18n/i18n.ts';
import { RULES_MESSAGES } from './messages.ts';
import { RuleLines } from './RuleLines.tsx';
import { RulesControls } from './RulesControls.tsx';
import { RulesNotes } from './RulesNotes.tsx';
import { ServiceTable } from './ServiceTable.tsx';
import { useRuleRows } from './use-rule-rows.ts';
import './rules.css';

export function RulesPanel() {
  const t = useT(RULES_MESSAGES);
  const store = useAppStoreApi();
  const [dismissed, setDismissed] = useState(-1);
  const r = useRuleRows(dismissed);
  const node = useAppStore(selectRulesNode);
  const view = useAppStore((s) => s.rulesView);
  const hasModel = useAppStore((s) => s.model !== null);
  const whyFromYaml = useAppStore((s) => s.why !== null && !s.why.rule);
  const panelRef = useRef<HTMLElement>(null);
  const nextChange = useRef(0);

  return (
    <section className="pane rules-pane" aria-label={t('panel')} data-testid="rules" ref={panelRef}>
      <RulesControls shown={r.shown} total={r.total} counted={r.filter} />
      <RulesNotes
        changes={r.changes}
        onDismiss={() => setDismissed(selectModelVersion(store.getState()))}
        onNextChange={() => {
          const starts = changeStarts(panelRef.current);
          if (starts.length === 0) return;
          const i = nextChange.current++ % starts.length;
          starts[i]!.scrollIntoView({ block: 'center' });
        }}
        highlightedCount={r.highlighted.size}
        hopElsewhere={r.hopElsewhere}
        hasCounts={r.counts.size > 0}
        whyCount={r.why.size}
      />
      {!hasModel && <p className="rules-empty muted">{t('empty')}</p>}
      {hasModel && r.filter !== '' && r.shown === 0 && (
        <p className="rules-empty muted" data-testid="rules.no-match">
          {t('noMatch', { pattern: r.filter })}
        </p>
      )}
      <RuleLines
        rows={r.rows}
        highlighted={r.highlighted}
        focusLine={r.focusLine}
        counts={r.counts}
        resetKey={`${node} ${view}`}
        filter={r.filter}
        why={r.why}
        scrollToWhy={whyFromYaml}
        onRuleClick={(line) => {
          const key = r.keys[line];
          if (key) store.getState().explainRule(key);
        }}
      />
      <ServiceTable />
    </section>
  );
}

/** The first line of each run of added/removed lines on screen, top to bottom. */
function changeStarts(panel: HTMLElement | null): HTMLElement[] {
  if (!panel) return [];
  const changed = [...panel.querySelectorAll<HTMLElement>('.rule-added, .rule-removed')];
  return changed.filter((el, i) => i === 0 || changed[i - 1] !== el.previousElementSibling);
}
