/** The command line above the rules: `$ <command> on <node> | grep <text>`, and the line count. */
import { useShallow } from 'zustand/react/shallow';
import { RULES_COMMAND } from '../../store/rules-text.ts';
import { selectRulesNode } from '../../store/selectors.ts';
import type { RulesView } from '../../store/view-slice.ts';
import { useAppStore, useAppStoreApi } from '../app/store-context.ts';
import { useT } from '../i18n/i18n.ts';
import { RULES_MESSAGES } from './messages.ts';

const VIEWS: readonly RulesView[] = ['nat-S', 'save', 'filter-S', 'restore'];
const NONE: readonly string[] = [];

interface Props {
  readonly shown: number;
  readonly total: number;
  /** The pattern `shown` was counted with (it trails the box while a long list re-filters). */
  readonly counted: string;
}

export function RulesControls({ shown, total, counted }: Props) {
  const t = useT(RULES_MESSAGES);
  const store = useAppStoreApi();
  const view = useAppStore((s) => s.rulesView);
  const node = useAppStore(selectRulesNode);
  const filter = useAppStore((s) => s.rulesFilter);
  const nodes = useAppStore(useShallow((s) => s.model?.cluster.nodes.map((n) => n.name) ?? NONE));

  return (
    <div className="rules-controls">
      <div className="rules-command">
        <span className="prompt" aria-hidden="true">
          $
        </span>
        <select
          data-testid="rules.view"
          aria-label={t('view')}
          value={view}
          onChange={(e) => store.getState().setRulesView(e.target.value as RulesView)}
        >
          {VIEWS.map((v) => (
            <option key={v} value={v}>
              {v === 'restore' ? t('restoreInput') : RULES_COMMAND[v]}
            </option>
          ))}
        </select>
        <span className="rules-on">{t('on')}</span>
        <select
          data-testid="rules.node"
          aria-label={t('node')}
          value={node ?? ''}
          onChange={(e) => store.getState().setRulesNode(e.target.value)}
        >
          {nodes.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <label className="rules-grep">
        <span className="prompt" aria-hidden="true">
          | grep
        </span>
        <input
          type="search"
          data-testid="rules.filter"
          aria-label={t('grepLabel')}
          placeholder={t('grepPlaceholder')}
          spellCheck={false}
          autoComplete="off"
          value={filter}
          onChange={(e) => store.getState().setRulesFilter(e.target.value)}
        />
        <output className="rules-count" data-testid="rules.count">
          {counted ? t('countFiltered', { n: shown, total }) : t('count', { n: total })}
        </output>
      </label>
    </div>
  );
}
