/**
 * The golden files of scenarios/<name>/: for each node named by a file
 * `iptables-save.<node>.txt`, what `podpath rules scenario.yaml --node <node> --format save` prints;
 * for each `trace.<label>.args`, `trace.<label>.txt` is what `podpath trace scenario.yaml <args>` prints.
 * Used by the golden test and by `npm run golden` (which rewrites the files after a review).
 */
import {
  compileScenario,
  formatDiagnostic,
  parseTraceArgs,
  renderNodeRules,
  traceText,
} from './index.ts';

/** The golden text for one node of a scenario, or the diagnostics when it does not compile. */
export function goldenRules(scenarioText: string, node: string): string {
  const { cluster, diagnostics } = compileScenario([{ name: 'scenario.yaml', text: scenarioText }]);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!cluster || errors.length > 0) return errors.map(formatDiagnostic).join('\n') + '\n';
  return renderNodeRules(cluster, { node, format: 'save' });
}

/** `iptables-save.node1.txt` → `node1`. */
export function goldenNodeOf(fileName: string): string | null {
  const m = /^iptables-save\.(.+)\.txt$/.exec(fileName);
  return m ? (m[1] ?? null) : null;
}

/** `trace.hairpin.args` → `hairpin`. */
export function goldenTraceOf(fileName: string): string | null {
  const m = /^trace\.(.+)\.args$/.exec(fileName);
  return m ? (m[1] ?? null) : null;
}

/** What `podpath trace scenario.yaml <args>` prints (the args file holds the options). */
export function goldenTrace(scenarioText: string, argsText: string): string {
  const { cluster, diagnostics } = compileScenario([{ name: 'scenario.yaml', text: scenarioText }]);
  if (!cluster) return diagnostics.map(formatDiagnostic).join('\n') + '\n';
  const spec = parseTraceArgs(argsText);
  if (!spec.ok) return `bad args: ${spec.error}\n`;
  const text = traceText(cluster, spec.value);
  return text.ok ? text.value : `error: ${text.error}\n`;
}
