/**
 * The golden files of scenarios/<name>/: for each node named by a file
 * `iptables-save.<node>.txt`, what `podpath rules scenario.yaml --node <node> --format save` prints.
 * Used by the golden test and by `npm run golden` (which rewrites the files after a review).
 */
import { compileScenario, formatDiagnostic, renderNodeRules } from './index.ts';

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
