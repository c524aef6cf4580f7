/**
 * `podpath trace`: one connection walked hop by hop, or with --connections N how kube-proxy
 * spread N connections over the endpoints.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  compileScenario,
  formatDiagnostic,
  parseSave,
  runTraceSpec,
  traceText,
  type Protocol,
} from '../engine/index.ts';
import { readInputs } from './read-inputs.ts';

const USAGE =
  'usage: podpath trace [FILE|-]... --from POD|NODE|IP --to IP:PORT|SERVICE[:PORT]|POD:PORT\n' +
  '         [--proto tcp|udp|sctp] [--connections N] [--packets K] [--seed S]\n' +
  '         [--rules IPTABLES-SAVE-FILE --node NAME] [--json]\n';

const DEFAULT_SCENARIO = fileURLToPath(
  new URL('../../scenarios/article/scenario.yaml', import.meta.url),
);

function positiveInt(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new Error(`${name} must be a positive whole number`);
  return Number(text);
}

export async function runTraceCommand(args: string[]): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        proto: { type: 'string' },
        connections: { type: 'string' },
        packets: { type: 'string' },
        seed: { type: 'string' },
        rules: { type: 'string' },
        node: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    process.stderr.write(`podpath trace: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.from || !values.to) {
    process.stderr.write(`podpath trace: --from and --to are required\n${USAGE}`);
    return 2;
  }
  const proto = values.proto as Protocol | undefined;
  if (proto !== undefined && !['tcp', 'udp', 'sctp'].includes(proto)) {
    process.stderr.write('podpath trace: --proto must be tcp, udp or sctp\n');
    return 2;
  }
  if ((values.rules === undefined) !== (values.node === undefined)) {
    process.stderr.write('podpath trace: --rules and --node go together\n');
    return 2;
  }
  let connections: number;
  let packets: number;
  let seed: number;
  try {
    connections = positiveInt(values.connections, '--connections', 1);
    packets = positiveInt(values.packets, '--packets', 3);
    seed = values.seed === undefined ? 1 : Number.parseInt(values.seed, 10);
    if (!Number.isFinite(seed)) throw new Error('--seed must be a whole number');
  } catch (err) {
    process.stderr.write(`podpath trace: ${(err as Error).message}\n`);
    return 2;
  }

  let files;
  try {
    files = await readInputs(positionals.length > 0 ? positionals : [DEFAULT_SCENARIO]);
  } catch (err) {
    process.stderr.write(`podpath trace: ${(err as Error).message}\n`);
    return 1;
  }
  const { cluster, diagnostics } = compileScenario(files);
  for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  if (!cluster || diagnostics.some((d) => d.severity === 'error')) return 1;

  let override;
  if (values.rules !== undefined && values.node !== undefined) {
    if (!cluster.nodes.some((n) => n.name === values.node)) {
      process.stderr.write(`podpath trace: node "${values.node}" not found\n`);
      return 1;
    }
    const parsed = parseSave(await readFile(values.rules, 'utf8'));
    if (!parsed.ok) {
      process.stderr.write(`${values.rules}:${parsed.error.line}: ${parsed.error.reason}\n`);
      return 1;
    }
    override = { node: values.node, ruleset: parsed.value };
  }

  const spec = {
    from: values.from,
    to: values.to,
    connections,
    packets,
    seed,
    ...(proto ? { protocol: proto } : {}),
    ...(override ? { rules: [override] } : {}),
  };
  if (values.json) {
    const result = runTraceSpec(cluster, spec);
    if (!result.ok) {
      process.stderr.write(`podpath trace: ${result.error}\n`);
      return 1;
    }
    process.stdout.write(JSON.stringify(result.value, null, 2) + '\n');
    return 0;
  }
  const text = traceText(cluster, spec);
  if (!text.ok) {
    process.stderr.write(`podpath trace: ${text.error}\n`);
    return 1;
  }
  process.stdout.write(text.value);
  return 0;
}
