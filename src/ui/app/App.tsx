/**
 * The app's frame: toolbar on top; the YAML editor, the topology with its packet overlay and the
 * packet panel, and the rules panel side by side. Each region reads the store itself.
 */
import { Component, lazy, Suspense, useEffect, type ReactNode } from 'react';
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
import './present.css';

// The editor (CodeMirror) is the heaviest part: it loads after the first picture.
const loadEditor = () => import('../editor/EditorPane.tsx');
// The lessons' text is not needed for the first picture either.
const loadLessons = () => import('../lessons/LessonPanel.tsx');
const EditorPane = lazy(loadEditor);
const LessonPanel = lazy(loadLessons);

/**
 * Fetches the lazy parts once the page is idle, so they open later without the network: the app
 * keeps working offline once loaded (a second `import()` of a module is served from memory).
 */
function usePrefetchLazyParts(): void {
  useEffect(() => {
    const prefetch = () => {
      // A failed fetch is not an error yet: opening the part will try again and say so.
      loadEditor().catch(() => undefined);
      loadLessons().catch(() => undefined);
    };
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(prefetch, { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(prefetch, 500);
    return () => window.clearTimeout(id);
  }, []);
}

/** A lazy part that failed to load (offline before it was fetched) says so; the rest goes on. */
class LoadFailed extends Component<{ children: ReactNode; message: string }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="pane load-failed" role="alert" data-testid="status.load-failed">
        {this.props.message}
      </p>
    );
  }
}

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
  const t = useT(APP_MESSAGES);
  const store = useAppStoreApi();
  const notice = useAppStore((s) => s.notice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert" data-testid="status.notice" data-notice={notice.key}>
      <span>
        {t(`notice_${notice.key}`, notice.vars)} {t('noticeFallback')}
      </span>
      <button
        type="button"
        aria-label={t('dismiss')}
        title={t('dismiss')}
        onClick={() => store.getState().setNotice(null)}
      >
        ×
      </button>
    </div>
  );
}

export function App() {
  const t = useT(APP_MESSAGES);
  const theme = useAppStore((s) => s.theme);
  const lang = useAppStore((s) => s.lang);
  const leftTab = useAppStore((s) => s.leftTab);
  const presenting = useAppStore((s) => s.presenting);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
    document.documentElement.lang = lang;
  }, [theme, lang]);
  usePrefetchLazyParts();
  const classes = ['app'];
  if (presenting) classes.push('presenting');
  // Presenting shows the lesson beside the picture when the Lessons tab is on, else no left column.
  if (presenting && leftTab === 'lessons') classes.push('with-lessons');

  return (
    <div className={classes.join(' ')} data-presenting={presenting ? 'true' : 'false'}>
      <Toolbar />
      <Notice />
      <main className="workspace">
        <div className="col-editor">
          <LeftTabs />
          {/* The editor stays mounted under the lessons so it keeps following the store. */}
          <div className="tab-body" hidden={leftTab !== 'yaml'}>
            <LoadFailed message={t('loadFailed')}>
              <Suspense fallback={<div className="pane editor-pane loading" />}>
                <EditorPane />
              </Suspense>
            </LoadFailed>
          </div>
          {leftTab === 'lessons' && (
            <LoadFailed message={t('loadFailed')}>
              <Suspense fallback={<div className="pane lesson-pane loading" />}>
                <LessonPanel />
              </Suspense>
            </LoadFailed>
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
