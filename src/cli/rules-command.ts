/** `podpath rules`: the iptables rules kube-proxy writes on one node of the described cluster. */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  compileScenario,
  formatDiagnostic,
  renderNodeRules,
  type RuleFormat,
  type RuleTable,
} from '../engine/index.ts';
import { readInputs } from './read-inputs.ts';

const DEFAULT_SCENARIO = fileURLToPath(
  new URL('../../scenarios/article/scenario.yaml', import.meta.url),
);

const FORMATS: readonly RuleFormat[] = ['restore', 'save', 'S'];
const TABLES: readonly RuleTable[] = ['nat', 'filter'];

export async function runRulesCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        node: { type: 'string' },
        format: { type: 'string', default: 'save' },
        table: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`podpath rules: ${(err as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(
      'usage: podpath rules [FILE|-]... (default: the article scenario) [--node NAME] [--format restore|save|S] [--table nat|filter]\n',
    );
    return 0;
  }
  const format = values.format as RuleFormat;
  if (!FORMATS.includes(format)) {
    process.stderr.write(`podpath rules: --format must be one of ${FORMATS.join(', ')}\n`);
    return 2;
  }
  const table = values.table as RuleTable | undefined;
  if (table !== undefined && !TABLES.includes(table)) {
    process.stderr.write(`podpath rules: --table must be one of ${TABLES.join(', ')}\n`);
    return 2;
  }
  let files;
  try {
    // No input: the app's default scenario, the article's cluster.
    files = await readInputs(positionals.length > 0 ? positionals : [DEFAULT_SCENARIO]);
  } catch (err) {
    process.stderr.write(`podpath rules: ${(err as Error).message}\n`);
    return 1;
  }
  const { cluster, diagnostics } = compileScenario(files);
  for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  if (!cluster || diagnostics.some((d) => d.severity === 'error')) return 1;
  const node = values.node ?? cluster.nodes[0]?.name;
  if (!node || !cluster.nodes.some((n) => n.name === node)) {
    const names = cluster.nodes.map((n) => n.name).join(', ');
    process.stderr.write(`podpath rules: node "${values.node}" not found; nodes: ${names}\n`);
    return 1;
  }
  process.stdout.write(renderNodeRules(cluster, { node, format, ...(table ? { table } : {}) }));
  return 0;
}
