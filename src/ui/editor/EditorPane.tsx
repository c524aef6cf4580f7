/**
 * The YAML editor pane (lazy-loaded: CodeMirror stays out of the first load). The CodeMirror view
 * is mounted once into a div React renders once (yaml-editor.ts); React only draws the header and
 * the problem list around it.
 */
import { useCallback, useEffect, useRef } from 'react';
import { selectErrorCount } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../app/store-context.ts';
import { useT } from '../i18n/i18n.ts';
import { DiagnosticsList } from './DiagnosticsList.tsx';
import { EDITOR_MESSAGES } from './messages.ts';
import { mountYamlEditor, type YamlEditor } from './yaml-editor.ts';
import './editor.css';

function EditorStatus() {
  const t = useT(EDITOR_MESSAGES);
  const errors = useAppStore(selectErrorCount);
  const warnings = useAppStore((s) => s.diagnostics.length) - errors;
  if (errors > 0)
    return (
      <span className="editor-status editor-status-error" data-testid="editor.status">
        {errors === 1 ? t('oneError') : t('errors', { n: errors })}
      </span>
    );
  if (warnings > 0)
    return (
      <span className="editor-status editor-status-warning" data-testid="editor.status">
        {warnings === 1 ? t('oneWarning') : t('warnings', { n: warnings })}
      </span>
    );
  return (
    <span className="editor-status editor-status-ok" data-testid="editor.status">
      {t('valid')}
    </span>
  );
}

export default function EditorPane() {
  const t = useT(EDITOR_MESSAGES);
  const store = useAppStoreApi();
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<YamlEditor | null>(null);
  const ariaLabel = t('ariaLabel');

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const editor = mountYamlEditor(host, store, { ariaLabel });
    editorRef.current = editor;
    return () => {
      editorRef.current = null;
      editor.destroy();
    };
    // Created once per store: a language switch relabels it (below) instead of remounting it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);

  useEffect(() => editorRef.current?.setAriaLabel(ariaLabel), [ariaLabel]);

  const jump = useCallback((offset: number) => editorRef.current?.jumpTo(offset), []);

  return (
    <section className="pane editor-pane" aria-label={t('title')} data-testid="editor">
      <header className="editor-header">
        <span className="editor-title">{t('title')}</span>
        <EditorStatus />
      </header>
      <div className="editor-host" ref={hostRef} data-testid="editor.cm" />
      <DiagnosticsList onJump={jump} />
    </section>
  );
}
