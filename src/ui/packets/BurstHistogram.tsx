/**
 * The burst's histogram: one bar per endpoint (React renders the bars; d3-scale does the math),
 * with the even share 1/n as a dashed line, and each endpoint's count and share.
 */
import { scaleLinear } from 'd3-scale';
import { format } from 'd3-format';
import { useT } from '../i18n/i18n.ts';
import type { BurstCounts } from './burst-counts.ts';
import { PACKET_MESSAGES } from './messages.ts';

const percent = format('.1%');
const thousands = format(',');

export function BurstHistogram({ counts }: { counts: BurstCounts }) {
  const t = useT(PACKET_MESSAGES);
  const top = Math.max(counts.even ?? 0, ...counts.bars.map((b) => b.share), 0.01);
  const x = scaleLinear()
    .domain([0, top * 1.1])
    .range([0, 100]);
  return (
    <figure className="histogram" data-testid="burst.histogram">
      <figcaption>
        <strong>{t('title')}</strong>{' '}
        <span className="muted" data-testid="burst.counted">
          {t('counted', { counted: thousands(counts.counted), total: thousands(counts.total) })}
        </span>
      </figcaption>
      <div className="histogram-rows" role="table" aria-label={t('title')}>
        <div className="histogram-head" role="row">
          <span role="columnheader">{t('endpoint')}</span>
          <span role="columnheader" />
          <span role="columnheader">{t('count')}</span>
          <span role="columnheader">{t('share')}</span>
        </div>
        {counts.bars.map((b) => (
          <div
            key={b.key}
            className={`histogram-row${b.endpoint ? '' : ' lost'}`}
            role="row"
            data-testid="burst.bar"
            data-endpoint={b.key}
            data-share={b.share.toFixed(4)}
          >
            <span
              role="cell"
              className="histogram-label"
              title={b.pod ? `${b.pod}${b.node ? ` on ${b.node}` : ''}` : b.key}
            >
              <span>
                <code>{b.endpoint ? b.key : t('notDelivered', { kind: b.key })}</code>
                {b.node && <span className="muted"> · {b.node}</span>}
              </span>
              {b.pod && <small className="muted">{b.pod.split('/').pop()}</small>}
            </span>
            <span role="cell" className="histogram-track">
              <span className="histogram-bar" style={{ width: `${x(b.share)}%` }} />
              {counts.even !== null && (
                <span className="histogram-even" style={{ left: `${x(counts.even)}%` }} />
              )}
            </span>
            <span role="cell" className="histogram-count">
              {thousands(b.count)}
            </span>
            <span role="cell" className="histogram-share">
              {percent(b.share)}
            </span>
          </div>
        ))}
      </div>
      <p className="muted histogram-note" data-testid="burst.even">
        {counts.even !== null && counts.endpoints !== null
          ? t('even', { n: counts.endpoints, share: percent(counts.even) })
          : t('evenNone')}
      </p>
    </figure>
  );
}
