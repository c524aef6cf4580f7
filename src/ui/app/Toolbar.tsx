/** The header: scenario picker, cluster actions, theme and language. */
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n/i18n.ts';
import { ShareControls } from '../share/ShareControls.tsx';
import { APP_MESSAGES } from './messages.ts';
import { SCENARIOS, scenarioText } from './scenarios.ts';
import { useAppStore, useAppStoreApi } from './store-context.ts';

const EMPTY: readonly string[] = [];

export function Toolbar() {
  const t = useT(APP_MESSAGES);
  const store = useAppStoreApi();
  const scenarioName = useAppStore((s) => s.scenarioName);
  const cni = useAppStore((s) => s.model?.cluster.cni ?? null);
  const workers = useAppStore(
    (s) => s.model?.cluster.nodes.filter((n) => n.role === 'worker').length ?? 0,
  );
  const defaultLab = useAppStore((s) => s.model?.cluster.defaultLab ?? false);
  const deployments = useAppStore(
    useShallow((s) =>
      s.model
        ? s.model.cluster.workloads
            .filter((w) => w.kind === 'Deployment' && w.namespace !== 'kube-system')
            .map((w) => `${w.namespace}/${w.name}=${w.desired}`)
        : EMPTY,
    ),
  );
  const theme = useAppStore((s) => s.theme);
  const lang = useAppStore((s) => s.lang);
  const actionError = useAppStore((s) => s.actionError);
  const edited = useAppStore(
    (s) => s.scenarioName !== null && s.yaml !== scenarioText(s.scenarioName),
  );

  return (
    <header className="toolbar" data-testid="toolbar">
      <div className="brand">
        <h1>podpath</h1>
        <span className="tagline">{t('tagline')}</span>
      </div>
      <label className="field">
        <span>{t('scenario')}</span>
        <select
          data-testid="toolbar.scenario"
          value={scenarioName ?? ''}
          onChange={(e) => {
            const text = scenarioText(e.target.value);
            if (text !== undefined) store.getState().loadScenario(e.target.value, text);
          }}
        >
          {scenarioName === null && <option value="">{t('custom')}</option>}
          {[...SCENARIOS.keys()].map((name) => (
            <option key={name} value={name}>
              {name}
              {name === scenarioName && edited ? ` ${t('custom')}` : ''}
            </option>
          ))}
        </select>
      </label>
      {defaultLab && (
        <div className="field" role="group" aria-label={t('workers')}>
          <span>{t('workers')}</span>
          <button
            type="button"
            data-testid="toolbar.remove-worker"
            title={t('removeWorker')}
            aria-label={t('removeWorker')}
            onClick={() => store.getState().removeWorker()}
          >
            −
          </button>
          <output data-testid="toolbar.workers">{workers}</output>
          <button
            type="button"
            data-testid="toolbar.add-worker"
            title={t('addWorker')}
            aria-label={t('addWorker')}
            onClick={() => store.getState().addWorker()}
          >
            +
          </button>
        </div>
      )}
      {deployments.map((d) => {
        const [key, n] = d.split('=') as [string, string];
        const [ns, name] = key.split('/') as [string, string];
        const replicas = Number(n);
        return (
          <div className="field" role="group" key={key} aria-label={`${t('replicas')} ${name}`}>
            <span title={key}>{name}</span>
            <button
              type="button"
              data-testid={`toolbar.scale-down.${name}`}
              aria-label={`${name} −1`}
              disabled={replicas === 0}
              onClick={() => store.getState().scale(ns, name, replicas - 1)}
            >
              −
            </button>
            <output data-testid={`toolbar.replicas.${name}`}>{replicas}</output>
            <button
              type="button"
              data-testid={`toolbar.scale-up.${name}`}
              aria-label={`${name} +1`}
              onClick={() => store.getState().scale(ns, name, replicas + 1)}
            >
              +
            </button>
          </div>
        );
      })}
      <label className="field">
        <span>{t('cni')}</span>
        <select
          data-testid="toolbar.cni"
          value={cni ?? 'weave'}
          onChange={(e) =>
            store.getState().setCni(e.target.value === 'docker' ? 'docker' : 'weave')
          }
        >
          <option value="weave">{t('cniWeave')}</option>
          <option value="docker">{t('cniDocker')}</option>
        </select>
      </label>
      {actionError && (
        <span className="action-error" role="alert" data-testid="toolbar.action-error">
          {actionError}
        </span>
      )}
      <div className="spacer" />
      <ShareControls />
      <button
        type="button"
        className="icon-button"
        data-testid="toolbar.theme"
        title={theme === 'dark' ? t('light') : t('dark')}
        aria-label={theme === 'dark' ? t('light') : t('dark')}
        onClick={() => store.getState().setTheme(theme === 'dark' ? 'light' : 'dark')}
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
      <button
        type="button"
        data-testid="toolbar.lang"
        className="icon-button"
        aria-label={t('language')}
        title={lang === 'en' ? '한국어' : 'English'}
        lang={lang === 'en' ? 'ko' : 'en'}
        onClick={() => store.getState().setLang(lang === 'en' ? 'ko' : 'en')}
      >
        {lang === 'en' ? '한' : 'EN'}
      </button>
    </header>
  );
}
