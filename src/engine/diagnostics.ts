/** Problems found in the user's input, each pinned to a place in a source file. */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** error: the object (or the whole input) is not used; warning: used, but something is off. */
  readonly severity: Severity;
  /** kubectl's / the API server's wording where it has one. */
  readonly message: string;
  /** File name as the user gave it (`-` for stdin, `scenario.yaml` in the app). */
  readonly file: string;
  /** 1-based line and column of the start of the offending text. */
  readonly line: number;
  readonly col: number;
  /** 0-based character offsets of the offending text in its file (for editor underlines). */
  readonly from: number;
  readonly to: number;
}

/** `file:line:col: severity: message`, the form compilers and kubectl-like tools print. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
