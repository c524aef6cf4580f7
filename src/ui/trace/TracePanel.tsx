/**
 * The packet panel under the topology: the request picker, then either the hop-by-hop view
 * (playback controls, event list, inspector, outcome) or burst mode. Also owns the playback keys.
 */
import { useState } from 'react';
import { BurstPanel } from '../packets/BurstPanel.tsx';
import { useT } from '../i18n/i18n.ts';
import { useAppStore, useAppStoreApi } from '../app/store-context.ts';
import { HopInspector } from './HopInspector.tsx';
import { HopList } from './HopList.tsx';
import { TRACE_MESSAGES } from './messages.ts';
import { OutcomeLine } from './OutcomeLine.tsx';
import { PlaybackControls } from './PlaybackControls.tsx';
import { RequestPicker } from './RequestPicker.tsx';
import { usePlaybackKeys } from './usePlaybackKeys.ts';
import './trace.css';

type Tab = 'hops' | 'burst';
const TABS: readonly Tab[] = ['hops', 'burst'];

export function TracePanel() {
  const t = useT(TRACE_MESSAGES);
  const store = useAppStoreApi();
  const hasTrace = useAppStore((s) => s.trace !== null);
  const [tab, setTab] = useState<Tab>('hops');
  usePlaybackKeys();

  const send = () => {
    const s = store.getState();
    s.send();
    if (store.getState().trace) store.getState().play();
    setTab('hops');
  };

  return (
    <section className="pane trace-pane" aria-label={t('panel')} data-testid="trace">
      <RequestPicker onSend={send} />
      <div className="trace-tabs" role="tablist">
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`trace-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`trace-panel-${id}`}
            data-testid={`trace.tab.${id}`}
            onClick={() => setTab(id)}
          >
            {t(id === 'hops' ? 'tabHops' : 'tabBurst')}
          </button>
        ))}
        {tab === 'hops' && <PlaybackControls />}
      </div>
      <div
        className="trace-body"
        role="tabpanel"
        id="trace-panel-hops"
        aria-labelledby="trace-tab-hops"
        hidden={tab !== 'hops'}
      >
        {hasTrace ? (
          <>
            <OutcomeLine />
            <div className="trace-split">
              <HopList />
              <HopInspector />
            </div>
          </>
        ) : (
          <p className="hint">{t('noTrace')}</p>
        )}
      </div>
      <div
        className="trace-body"
        role="tabpanel"
        id="trace-panel-burst"
        aria-labelledby="trace-tab-burst"
        hidden={tab !== 'burst'}
      >
        <BurstPanel />
      </div>
    </section>
  );
}
