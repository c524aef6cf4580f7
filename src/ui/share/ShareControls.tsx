/** Toolbar controls for teaching and handouts: share link, presentation mode, exports. */
import { useState } from 'react';
import { formatTraceMarkdown } from '../../engine/index.ts';
import { selectRulesNode, selectRulesText } from '../../store/selectors.ts';
import { encodeShareLink, shareStateOf } from '../../store/share-link.ts';
import { RULES_COMMAND } from '../../store/rules-text.ts';
import { useAppStore, useAppStoreApi } from '../app/store-context.ts';
import { useT } from '../i18n/i18n.ts';
import { traceMarkdownWords } from '../trace/trace-markdown.ts';
import { downloadText } from './download.ts';
import { SHARE_MESSAGES } from './messages.ts';
import { exportTopology } from './topology-export.ts';

export function ShareControls() {
  const t = useT(SHARE_MESSAGES);
  const store = useAppStoreApi();
  const presenting = useAppStore((s) => s.presenting);
  const hasTrace = useAppStore((s) => s.trace !== null);
  const [shared, setShared] = useState<{ url: string; copied: boolean } | null>(null);

  const share = async () => {
    const hash = encodeShareLink(shareStateOf(store.getState()));
    const url = new URL(window.location.href);
    url.hash = hash;
    url.searchParams.delete('scenario');
    history.replaceState(null, '', url);
    // Without clipboard permission the link is shown to copy by hand.
    const copied = await navigator.clipboard.writeText(url.href).then(
      () => true,
      () => false,
    );
    setShared({ url: url.href, copied });
  };

  const exportAs = (kind: string) => {
    const s = store.getState();
    if (kind === 'rules') {
      const node = selectRulesNode(s) ?? 'node';
      const text = `# ${RULES_COMMAND[s.rulesView]} on ${node}\n${selectRulesText(s)}`;
      downloadText(`podpath-${node}-${s.rulesView}.txt`, text);
    } else if (kind === 'trace' && s.trace) {
      const md = formatTraceMarkdown(s.trace, traceMarkdownWords(s.lang));
      downloadText('podpath-trace.md', md, 'text/markdown');
    } else if (kind === 'svg' || kind === 'png') {
      void exportTopology(s, kind);
    }
  };

  return (
    <div className="share-controls">
      <button type="button" data-testid="share.link" onClick={() => void share()}>
        {t('share')}
      </button>
      <button
        type="button"
        data-testid="share.present"
        aria-pressed={presenting}
        onClick={() => store.getState().setPresenting(!presenting)}
      >
        {presenting ? t('stopPresenting') : t('present')}
      </button>
      <select
        data-testid="share.export"
        aria-label={t('export')}
        value=""
        onChange={(e) => {
          exportAs(e.target.value);
          e.target.value = '';
        }}
      >
        <option value="" disabled>
          {t('export')}
        </option>
        <option value="rules">{t('exportRules')}</option>
        <option value="trace" disabled={!hasTrace} title={hasTrace ? undefined : t('noTrace')}>
          {t('exportTrace')}
        </option>
        <option value="svg">{t('exportSvg')}</option>
        <option value="png">{t('exportPng')}</option>
      </select>
      {shared && (
        <div className="share-popover" role="status" data-testid="share.result">
          <span>{shared.copied ? t('copied') : t('copyFailed')}</span>
          <input
            type="text"
            readOnly
            value={shared.url}
            data-testid="share.url"
            onFocus={(e) => e.target.select()}
          />
          <button type="button" aria-label="×" onClick={() => setShared(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
