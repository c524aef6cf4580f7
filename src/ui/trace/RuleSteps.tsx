/** The rules that matched at a netfilter hop, in evaluation order, exactly as iptables prints them. */
import type { RuleStep } from '../../engine/index.ts';
import { useT } from '../i18n/i18n.ts';
import { TRACE_MESSAGES } from './messages.ts';

export function RuleSteps({ rules }: { rules: readonly RuleStep[] }) {
  const t = useT(TRACE_MESSAGES);
  return (
    <table className="rule-steps" data-testid="inspector.rules">
      <caption>{t('rules')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('table')}</th>
          <th scope="col">{t('chain')}</th>
          <th scope="col">{t('rule')}</th>
          <th scope="col">{t('effect')}</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r, i) => (
          <tr key={i} data-testid="inspector.rule">
            <td>{r.table}</td>
            <td className="chain">
              {r.chain}
              {r.ruleNumber > 0 ? ` #${r.ruleNumber}` : ''}
            </td>
            <td className="rule-text">
              <code>{r.ruleText}</code>
            </td>
            <td className="effect">{r.effect}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
