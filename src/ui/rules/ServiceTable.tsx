/**
 * The article's table for one Service: endpoint, KUBE-SEP chain, the rule's probability and the
 * share it gives (the product of the rules above it), all read from kube-proxy's rules on the
 * node shown.
 */
import { Fragment, useMemo, useState } from 'react';
import { nodeRulesOf, rulesText } from '../../store/rules-text.ts';
import { selectRulesNode } from '../../store/selectors.ts';
import { useAppStore } from '../app/store-context.ts';
import { useT } from '../i18n/i18n.ts';
import { RULES_MESSAGES } from './messages.ts';
import { serviceLadders, type Ladder } from './probability-table.ts';

const MAX_ROWS = 64;

const ladderKey = (l: Ladder) => `${l.portName}${l.local ? ' (SVL)' : ''}`;

/** The Service the learner most likely means: not the API server or DNS, if there is another. */
function defaultLadder(ladders: readonly Ladder[]): Ladder | undefined {
  return (
    ladders.find(
      (l) => !l.service.startsWith('kube-system/') && l.service !== 'default/kubernetes',
    ) ?? ladders[0]
  );
}

export function ServiceTable() {
  const t = useT(RULES_MESSAGES);
  const model = useAppStore((s) => s.model);
  const node = useAppStore(selectRulesNode);
  const backend = useAppStore((s) => s.trace?.connections[0]?.backend ?? null);
  const [chosen, setChosen] = useState<string | null>(null);

  const ladders = useMemo(() => {
    if (!model || !node) return [];
    const rules = nodeRulesOf(model, node);
    if (!rules) return [];
    return serviceLadders(rules.document, rulesText(model, node, 'nat-S').split('\n'));
  }, [model, node]);
  const ladder = ladders.find((l) => ladderKey(l) === chosen) ?? defaultLadder(ladders);
  const picked = backend ? `${backend.ip}:${backend.port}` : null;
  const written = ladder?.rows.find((r) => r.written !== null)?.written ?? null;

  return (
    <details className="service-table" open data-testid="rules.table">
      <summary>{t('tableTitle')}</summary>
      {ladders.length === 0 || !ladder ? (
        <p className="muted">{t('noServices')}</p>
      ) : (
        <>
          <label className="service-pick">
            <span>{t('service')}</span>
            <select
              data-testid="rules.table.service"
              value={ladderKey(ladder)}
              onChange={(e) => setChosen(e.target.value)}
            >
              {ladders.map((l) => (
                <option key={ladderKey(l)} value={ladderKey(l)}>
                  {l.portName}
                  {l.local ? ` — ${t('local')}` : ''}
                </option>
              ))}
            </select>
            <code className="service-chain">{ladder.chain}</code>
          </label>
          <div className="service-scroll">
            <table>
              <thead>
                <tr>
                  <th>
                    {t('endpoint')}
                    <span className="th-sub">{t('sepChain')}</span>
                  </th>
                  <th>{t('probability')}</th>
                  <th>{t('share')}</th>
                </tr>
              </thead>
              <tbody>
                {ladder.rows.slice(0, MAX_ROWS).map((r) => (
                  <tr
                    key={r.sepChain}
                    data-testid="rules.table.row"
                    className={r.endpoint === picked ? 'chosen' : undefined}
                    title={r.endpoint === picked ? t('chosen') : undefined}
                  >
                    <td>
                      <code data-cell="endpoint">{r.endpoint}</code>
                      <code className="chain" data-cell="chain">
                        {r.sepChain}
                      </code>
                    </td>
                    <td data-cell="probability">
                      {(r.printed ?? r.written) !== null ? (
                        <code title={r.written ?? undefined}>{r.printed ?? r.written}</code>
                      ) : (
                        <span className="muted">{t('rest')}</span>
                      )}
                    </td>
                    <td className="share" data-cell="share">
                      {r.formula !== r.shareText && (
                        <>
                          <span className="formula">{breakable(r.formula)}</span> ={' '}
                        </>
                      )}
                      <strong>{r.shareText}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {ladder.rows.length > MAX_ROWS && (
              <p className="muted">{t('moreRows', { n: ladder.rows.length - MAX_ROWS })}</p>
            )}
          </div>
          {written && <p className="muted service-note">{t('tableNote', { written })}</p>}
        </>
      )}
    </details>
  );
}

/** The product with a line-break chance after each `·` (a long ladder wraps between factors). */
function breakable(formula: string) {
  return formula.split('·').map((f, i) => (
    <Fragment key={i}>
      {i > 0 && (
        <>
          ·<wbr />
        </>
      )}
      {f}
    </Fragment>
  ));
}
