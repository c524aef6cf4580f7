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
import { useAppStore, useAppStoreApi } from './store-context.ts';
import { LESSON_MESSAGES } from '../lessons/messages.ts';
import { Toolbar } from './Toolbar.tsx';
import './App.css';

// The editor (CodeMirror) is the heaviest part: it loads after the first picture.
const EditorPane = lazy(() => import('../editor/EditorPane.tsx'));
// The lessons' text loads when the Lessons tab is first opened.
const LessonPanel = lazy(() => import('../lessons/LessonPanel.tsx'));

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

function LeftTabs() {
  const t = useT(LESSON_MESSAGES);
  const store = useAppStoreApi();
  const tab = useAppStore((s) => s.leftTab);
  return (
    <div className="tabs" role="tablist">
      {(['yaml', 'lessons'] as const).map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={tab === id}
          data-testid={`tabs.${id}`}
          onClick={() => store.getState().setLeftTab(id)}
        >
          {t(id)}
        </button>
      ))}
    </div>
  );
}

function Notice() {
  const store = useAppStoreApi();
  const notice = useAppStore((s) => s.notice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert" data-testid="status.notice">
      <span>{notice}</span>
      <button type="button" aria-label="×" onClick={() => store.getState().setNotice(null)}>
        ×
      </button>
    </div>
  );
}

export function App() {
  const theme = useAppStore((s) => s.theme);
  const lang = useAppStore((s) => s.lang);
  const leftTab = useAppStore((s) => s.leftTab);
  const presenting = useAppStore((s) => s.presenting);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
    document.documentElement.lang = lang;
  }, [theme, lang]);

  return (
    <div
      className={presenting ? 'app presenting' : 'app'}
      data-presenting={presenting ? 'true' : 'false'}
    >
      <Toolbar />
      <Notice />
      <main className="workspace">
        <div className="col-editor">
          <LeftTabs />
          {/* The editor stays mounted under the lessons so it keeps following the store. */}
          <div className="tab-body" hidden={leftTab !== 'yaml'}>
            <Suspense fallback={<div className="pane editor-pane loading" />}>
              <EditorPane />
            </Suspense>
          </div>
          {leftTab === 'lessons' && (
            <Suspense fallback={<div className="pane lesson-pane loading" />}>
              <LessonPanel />
            </Suspense>
          )}
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
