/**
 * npm run bench: performance figures against the budgets in the issues, printed, not asserted.
 * Each section lives in scripts/bench/<name>.ts and prints its own lines; name sections to run only
 * those (`npm run bench -- traces`).
 */
import { existsSync } from 'node:fs';

const all = ['rules', 'traces', 'ui'];
const asked = process.argv.slice(2);
for (const name of asked.length > 0 ? asked : all) {
  const file = new URL(`./bench/${name}.ts`, import.meta.url);
  if (!existsSync(file)) {
    if (asked.length > 0) throw new Error(`no bench section "${name}"`);
    continue;
  }
  await import(file.href);
}
