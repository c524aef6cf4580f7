/**
 * npm run golden: rewrites scenarios/<name>/iptables-save.<node>.txt (node1 when a scenario has none
 * yet) and trace.<label>.txt (from trace.<label>.args) from the engine. Review the diff before
 * committing: these files are the reviewed truth.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  goldenNodeOf,
  goldenRules,
  goldenTrace,
  goldenTraceOf,
} from '../src/engine/golden-scenarios.ts';

const root = join(import.meta.dirname, '../scenarios');
for (const name of readdirSync(root).sort()) {
  const dir = join(root, name);
  const text = readFileSync(join(dir, 'scenario.yaml'), 'utf8');
  const nodes = readdirSync(dir)
    .map(goldenNodeOf)
    .filter((n): n is string => n !== null);
  for (const args of readdirSync(dir).filter((f) => goldenTraceOf(f) !== null)) {
    const label = goldenTraceOf(args)!;
    writeFileSync(
      join(dir, `trace.${label}.txt`),
      goldenTrace(text, readFileSync(join(dir, args), 'utf8')),
    );
    console.log(`scenarios/${name}/trace.${label}.txt`);
  }
  for (const node of nodes.length > 0 ? nodes : ['node1']) {
    writeFileSync(join(dir, `iptables-save.${node}.txt`), goldenRules(text, node));
    console.log(`scenarios/${name}/iptables-save.${node}.txt`);
  }
}
