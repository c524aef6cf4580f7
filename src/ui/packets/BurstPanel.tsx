/**
 * Burst mode: N connections from the picked source to the picked target, counted by the endpoint
 * kube-proxy chose (the first ones also fly across the topology together).
 */
import { useMemo, useState } from 'react';
import { useT } from '../i18n/i18n.ts';
import { useAppStore, useAppStoreApi } from '../app/store-context.ts';
import { BurstHistogram } from './BurstHistogram.tsx';
import { countBurst } from './burst-counts.ts';
import { PACKET_MESSAGES } from './messages.ts';
import { useBurstReveal } from './useBurstReveal.ts';

const SIZES: readonly number[] = [100, 1_000, 3_000, 10_000, 30_000];

export function BurstPanel() {
  const t = useT(PACKET_MESSAGES);
  const store = useAppStoreApi();
  const burst = useAppStore((s) => s.burst);
  const cluster = useAppStore((s) => s.model?.cluster ?? null);
  const [size, setSize] = useState(3_000);
  const [running, setRunning] = useState(false);
  const revealed = useBurstReveal(burst);
  const counts = useMemo(
    () => (burst && cluster ? countBurst(burst.trace, cluster, revealed) : null),
    [burst, cluster, revealed],
  );

  const run = () => {
    setRunning(true);
    // Let "running…" paint first: a big burst keeps the main thread busy for a moment.
    setTimeout(() => {
      store.getState().runBurst(size);
      setRunning(false);
    }, 20);
  };

  return (
    <div className="burst" data-testid="burst">
      <div className="burst-controls">
        <label className="field">
          <span>{t('connections')}</span>
          <select
            data-testid="burst.size"
            value={size}
            onChange={(e) => setSize(Number(e.target.value))}
          >
            {SIZES.map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString('en-US')}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          data-testid="burst.run"
          disabled={running}
          onClick={run}
        >
          {t('run')}
        </button>
        {running && (
          <span className="muted" role="status">
            {t('running', { n: size.toLocaleString('en-US') })}
          </span>
        )}
      </div>
      {counts ? <BurstHistogram counts={counts} /> : <p className="hint">{t('intro')}</p>}
    </div>
  );
}
