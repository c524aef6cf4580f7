/**
 * The selected hop up close: what happened and why (the engine's note, in the learner's
 * language), the VXLAN outer header,
 * the headers before and after with the changed fields marked, the rules that decided and the
 * conntrack entry.
 */
import { selectCurrentHop } from '../../store/selectors.ts';
import { useT } from '../i18n/i18n.ts';
import { useAppStore } from '../app/store-context.ts';
import { encapsulation, headerRows, hopPlace, outerText } from './hop-text.ts';
import { TRACE_MESSAGES } from './messages.ts';
import { RuleSteps } from './RuleSteps.tsx';
import { noteText } from './trace-language.ts';

export function HopInspector() {
  const t = useT(TRACE_MESSAGES);
  const hop = useAppStore(selectCurrentHop);
  const hopIndex = useAppStore((s) => s.hopIndex);
  const lang = useAppStore((s) => s.lang);
  if (!hop)
    return (
      <div className="inspector empty" data-testid="inspector">
        <p className="hint">{t('noHop')}</p>
      </div>
    );
  const encap = encapsulation(hop);
  const outer = hop.after.outer ?? hop.before.outer;
  return (
    <div className="inspector" data-testid="inspector">
      <h4>
        <span className="hop-n">{hopIndex + 1}</span> {t(`kind_${hop.kind}`)}
        {hop.hook ? ` · ${hop.hook} (${hop.table ?? ''})` : ''}
        <span className="inspector-where"> — {hopPlace(hop)}</span>
      </h4>
      <p className="inspector-note" data-testid="inspector.note">
        {noteText(hop.noteMsg, lang)}
      </p>
      {encap && outer && (
        <div className={`outer outer-${encap}`} data-testid="inspector.outer">
          <strong>{t('outer')}</strong> <em>{t(`outer_${encap}`)}</em>
          <code>{outerText(outer)}</code>
          <span className="muted">{t('outerDetail', { sport: outer.sport, vni: outer.vni })}</span>
        </div>
      )}
      <table className="headers" data-testid="inspector.headers">
        <caption>{t('headers')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field')}</th>
            <th scope="col">{t('before')}</th>
            <th scope="col">{t('after')}</th>
          </tr>
        </thead>
        <tbody>
          {headerRows(hop.before, hop.after).map((r) => (
            <tr key={r.field} className={r.changed ? 'changed' : undefined}>
              <th scope="row">{t(`field_${r.field}`)}</th>
              <td data-testid={`inspector.before.${r.field}`}>{r.before}</td>
              <td data-testid={`inspector.after.${r.field}`}>{r.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hop.verdict && (
        <p className="inspector-verdict">
          <strong>{t('verdict')}</strong> <code data-testid="inspector.verdict">{hop.verdict}</code>
        </p>
      )}
      {hop.rules && hop.rules.length > 0 && <RuleSteps rules={hop.rules} />}
      {hop.conntrack && (
        <div className="conntrack">
          <strong>{t('conntrack')}</strong>
          <pre data-testid="inspector.conntrack">{hop.conntrack}</pre>
        </div>
      )}
    </div>
  );
}
