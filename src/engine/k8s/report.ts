/** Collecting diagnostics pinned to fields of parsed objects (or dropped for generated objects). */
import type { Diagnostic, Severity } from '../diagnostics.ts';
import {
  hasField,
  lineCol,
  locate,
  type FieldPath,
  type LineIndex,
  type ManifestSource,
  type Span,
} from './source.ts';

/** A diagnostic at a span of a file. */
export function diagnosticAt(
  file: string,
  lines: LineIndex,
  span: Span,
  severity: Severity,
  message: string,
): Diagnostic {
  const { line, col } = lineCol(lines, span.from);
  return { severity, message, file, line, col, from: span.from, to: Math.max(span.from, span.to) };
}

/** Receives the problems found while compiling; generated objects (no source) are not reported. */
export interface Reporter {
  readonly diagnostics: Diagnostic[];
  /** Reports at the field `path` of the object (or its nearest existing ancestor). */
  report(
    src: ManifestSource | null | undefined,
    path: FieldPath,
    severity: Severity,
    message: string,
    options?: { key?: boolean },
  ): void;
  error(src: ManifestSource | null | undefined, path: FieldPath, message: string): void;
  warning(src: ManifestSource | null | undefined, path: FieldPath, message: string): void;
}

export function createReporter(into: Diagnostic[] = []): Reporter {
  const report: Reporter['report'] = (src, path, severity, message, options) => {
    if (!src) return;
    into.push(diagnosticAt(src.file, src.lines, locate(src, path, options), severity, message));
  };
  return {
    diagnostics: into,
    report,
    error: (src, path, message) => report(src, path, 'error', message),
    warning: (src, path, message) => report(src, path, 'warning', message),
  };
}

/** Where to point at an object as a whole: its name if it has one, else its kind. */
export function objectPath(src: ManifestSource | null | undefined): FieldPath {
  return src && hasField(src, ['metadata', 'name']) ? ['metadata', 'name'] : ['kind'];
}

/** Runs one object's work; an unexpected exception becomes an error on that object instead of a crash. */
export function guarded<T>(
  reporter: Reporter,
  src: ManifestSource | null | undefined,
  what: string,
  fn: () => T,
): T | undefined {
  try {
    return fn();
  } catch (e) {
    const message = `internal error in the ${what}: ${e instanceof Error ? e.message : String(e)}`;
    reporter.error(src, objectPath(src), message);
    return undefined;
  }
}
