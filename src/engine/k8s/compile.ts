/**
 * The k8s stage's entry point: the user's files → the cluster a kubeadm lab would show, plus
 * every diagnostic worth telling. Deterministic, and never throws.
 *
 * @example
 * const { cluster, diagnostics } = compileManifests([{ name: 'scenario.yaml', text }]);
 */
import type { Diagnostic } from '../diagnostics.ts';
import { admitObjects } from './admission.ts';
import { buildCluster } from './cluster.ts';
import type { CompileResult } from './cluster-model.ts';
import { parseManifests, type ManifestFile } from './parse.ts';
import { createReporter } from './report.ts';

export type { ManifestFile } from './parse.ts';

/** Sorts diagnostics by file (in input order), then position; equal places keep their order. */
function sortDiagnostics(
  diagnostics: readonly Diagnostic[],
  files: readonly ManifestFile[],
): Diagnostic[] {
  const order = new Map<string, number>();
  files.forEach((f, i) => {
    if (!order.has(f?.name)) order.set(f?.name, i);
  });
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        (order.get(a.d.file) ?? 0) - (order.get(b.d.file) ?? 0) || a.d.from - b.d.from || a.i - b.i,
    )
    .map(({ d }) => d);
}

/** Parses, admits and builds the cluster. `cluster` is null when the input is unusable as a whole. */
export function compileManifests(files: readonly ManifestFile[]): CompileResult {
  const list = Array.isArray(files) ? files : [];
  const diagnostics: Diagnostic[] = [];
  try {
    const parsed = parseManifests(list);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.fatal) return { cluster: null, diagnostics: sortDiagnostics(diagnostics, list) };
    const reporter = createReporter(diagnostics);
    const resources = admitObjects(parsed.objects, reporter);
    const cluster = buildCluster(resources, reporter);
    return { cluster, diagnostics: sortDiagnostics(diagnostics, list) };
  } catch (e) {
    const file = typeof list[0]?.name === 'string' ? list[0].name : '-';
    const message = `internal error: ${e instanceof Error ? e.message : String(e)}`;
    diagnostics.push({ severity: 'error', message, file, line: 1, col: 1, from: 0, to: 0 });
    return { cluster: null, diagnostics };
  }
}
