/**
 * The "why" note above the rules: which YAML field the marked rules came from (or which Service
 * port and endpoint a clicked rule came from), how many hops of the trace used them, and a way to
 * clear the marks.
 */
import { formatFieldPath } from '../../engine/index.ts';
import { selectRulesNode } from '../../store/selectors.ts';
import { selectWhyHops } from '../../store/why-selectors.ts';
import { useAppStore, useAppStoreApi } from '../app/store-context.ts';
import { useT } from '../i18n/i18n.ts';
import { RULES_MESSAGES } from './messages.ts';

export function WhyNote({ count }: { readonly count: number }) {
  const t = useT(RULES_MESSAGES);
  const store = useAppStoreApi();
  const why = useAppStore((s) => s.why);
  const node = useAppStore(selectRulesNode);
  const hops = useAppStore(selectWhyHops).size;
  if (!why) return null;
  const f = why.field;
  const vars = {
    kind: f.kind,
    name: f.namespace ? `${f.namespace}/${f.name}` : f.name,
    field: f.path.length > 0 ? formatFieldPath(f.path) : '—',
    n: count,
    node: node ?? '',
  };
  const source = why.rule?.source;
  return (
    <p className="rules-note rules-why" data-testid="rules.why" data-count={count}>
      {source && (
        <span data-testid="rules.why-from">
          {t('whyFrom', { service: source.service, port: source.port })}
          {source.endpoint &&
            ` · ${t('whyEndpoint', { endpoint: source.pod ? `${source.endpoint} (${source.pod})` : source.endpoint })}`}
        </span>
      )}
      <span>
        <span className="swatch swatch-why" aria-hidden="true" />{' '}
        {count > 0 ? t('whyField', vars) : t('whyNone', vars)}
      </span>
      {hops > 0 && (
        <span className="muted">{hops === 1 ? t('whyHop') : t('whyHops', { n: hops })}</span>
      )}
      <button
        type="button"
        data-testid="rules.why-clear"
        onClick={() => store.getState().clearWhy()}
      >
        {t('whyClear')}
      </button>
    </p>
  );
}
