/**
 * The rules that matched at a netfilter hop, in evaluation order, exactly as iptables prints them,
 * with what each did in the learner's language. Each step is two rows: where and what it did,
 * then the rule itself across the whole width (the inspector is narrow).
 */
import type { RuleStep } from '../../engine/index.ts';
import { useAppStore } from '../app/store-context.ts';
import { useT } from '../i18n/i18n.ts';
import { TRACE_MESSAGES } from './messages.ts';
import { effectText } from './trace-language.ts';

export function RuleSteps({ rules }: { rules: readonly RuleStep[] }) {
  const t = useT(TRACE_MESSAGES);
  const lang = useAppStore((s) => s.lang);
  return (
    <table className="rule-steps" data-testid="inspector.rules">
      <caption>{t('rules')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('table')}</th>
          <th scope="col">{t('chain')}</th>
          <th scope="col">{t('effect')}</th>
        </tr>
      </thead>
      {rules.map((r, i) => (
        <tbody key={i} className="rule-step" data-testid="inspector.rule">
          <tr>
            <td>{r.table}</td>
            <td className="chain">
              {r.chain}
              {r.ruleNumber > 0 ? ` #${r.ruleNumber}` : ''}
            </td>
            <td className="effect">{effectText(r.effectMsg, lang)}</td>
          </tr>
          <tr>
            <td colSpan={3} className="rule-text" title={t('rule')}>
              <code>{r.ruleText}</code>
            </td>
          </tr>
        </tbody>
      ))}
    </table>
  );
}
