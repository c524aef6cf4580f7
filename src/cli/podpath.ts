/**
 * podpath's command line: the engine from a terminal.
 *   podpath rules [FILE|-]… [--node NAME] [--format restore|save|S] [--table nat|filter]
 *   podpath conformance PATH…
 */
import { runConformanceCommand } from './conformance-command.ts';
import { runRulesCommand } from './rules-command.ts';
import { runTraceCommand } from './trace-command.ts';

const USAGE = `usage:
  podpath rules [FILE|-]... [--node NAME] [--format restore|save|S] [--table nat|filter]
      kube-proxy's iptables rules for the cluster the YAML describes, on one node
  podpath trace [FILE|-]... --from POD|NODE|IP --to IP:PORT|SERVICE[:PORT]|POD:PORT [--connections N] [--seed S] [--json]
      walk a connection hop by hop through the nodes' rules, conntrack, bridges and overlay
  podpath conformance PATH...
      run kube-proxy conformance cases (JSON files, or folders of them)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'rules':
      return runRulesCommand(rest);
    case 'conformance':
      return runConformanceCommand(rest);
    case 'trace':
      return runTraceCommand(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`podpath: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `podpath: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 70;
  },
);
