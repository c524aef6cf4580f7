/** The problems under the editor: `line:col message`, errors first; a click jumps there. */
import { useMemo } from 'react';
import { useAppStore } from '../app/store-context.ts';
import { useT } from '../i18n/i18n.ts';
import { position, sortDiagnostics } from './diagnostics.ts';
import { EDITOR_MESSAGES } from './messages.ts';

export function DiagnosticsList({ onJump }: { onJump: (offset: number) => void }) {
  const t = useT(EDITOR_MESSAGES);
  const diagnostics = useAppStore((s) => s.diagnostics);
  const sorted = useMemo(() => sortDiagnostics(diagnostics), [diagnostics]);
  if (sorted.length === 0) return null;
  return (
    <ul className="diagnostics" aria-label={t('listLabel')} data-testid="editor.diagnostics">
      {sorted.map((d, i) => (
        <li key={`${d.from}:${d.to}:${i}`} className={`diagnostic diagnostic-${d.severity}`}>
          <button
            type="button"
            data-testid="editor.diagnostic"
            title={t('jump', { line: d.line, col: d.col })}
            onClick={() => onJump(d.from)}
          >
            <span className="diagnostic-severity" aria-label={t(d.severity)}>
              {d.severity === 'error' ? '✕' : '!'}
            </span>
            <span className="diagnostic-pos">{position(d)}</span>
            <span className="diagnostic-message">{d.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
