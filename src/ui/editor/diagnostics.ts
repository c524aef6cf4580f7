/**
 * The engine's diagnostics in the editor's terms: CodeMirror lint diagnostics (offsets clamped
 * to the document, never an empty range, so the underline shows) and the list under the editor
 * (`line:col message`, errors first, then by position).
 */
import type { Diagnostic } from '../../engine/index.ts';

export interface EditorDiagnostic {
  readonly from: number;
  readonly to: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export function toEditorDiagnostics(
  diagnostics: readonly Diagnostic[],
  docLength: number,
): EditorDiagnostic[] {
  return diagnostics.map((d) => {
    const from = Math.max(0, Math.min(d.from, docLength));
    let to = Math.max(from, Math.min(d.to, docLength));
    if (to === from && to < docLength) to = from + 1;
    return { from, to, severity: d.severity, message: d.message };
  });
}

/** Errors before warnings, then by line and column. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      a.line - b.line ||
      a.col - b.col,
  );
}

/** `12:5`: where the list says the problem is. */
export function position(d: Pick<Diagnostic, 'line' | 'col'>): string {
  return `${d.line}:${d.col}`;
}
