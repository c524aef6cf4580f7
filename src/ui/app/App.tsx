/**
 * The app's frame: toolbar on top; the YAML editor, the topology with its packet overlay and the
 * packet panel, and the rules panel side by side. Each region reads the store itself.
 */
import { lazy, Suspense, useEffect } from 'react';
import { PacketLayer } from '../packets/PacketLayer.tsx';
import { RulesPanel } from '../rules/RulesPanel.tsx';
import { TopologyView } from '../topology/TopologyView.tsx';
import { TracePanel } from '../trace/TracePanel.tsx';
import { useT } from '../i18n/i18n.ts';
import { APP_MESSAGES } from './messages.ts';
import { useAppStore } from './store-context.ts';
import { Toolbar } from './Toolbar.tsx';
import './App.css';

// The editor (CodeMirror) is the heaviest part: it loads after the first picture.
const EditorPane = lazy(() => import('../editor/EditorPane.tsx'));

function StatusBanner() {
  const t = useT(APP_MESSAGES);
  const stale = useAppStore((s) => s.stale);
  const hasModel = useAppStore((s) => s.model !== null);
  if (!hasModel)
    return (
      <p className="banner banner-error" role="alert" data-testid="status.no-cluster">
        {t('noCluster')}
      </p>
    );
  if (!stale) return null;
  return (
    <p className="banner banner-stale" role="status" data-testid="status.stale">
      {t('stale')}
    </p>
  );
}

export function App() {
  const theme = useAppStore((s) => s.theme);
  const lang = useAppStore((s) => s.lang);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
    document.documentElement.lang = lang;
  }, [theme, lang]);

  return (
    <div className="app">
      <Toolbar />
      <main className="workspace">
        <div className="col-editor">
          <Suspense fallback={<div className="pane editor-pane loading" />}>
            <EditorPane />
          </Suspense>
        </div>
        <div className="col-center">
          <div className="topology-wrap">
            <StatusBanner />
            <TopologyView overlay={<PacketLayer />} />
          </div>
          <TracePanel />
        </div>
        <div className="col-rules">
          <RulesPanel />
        </div>
      </main>
    </div>
  );
}
