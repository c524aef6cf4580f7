/** `podpath conformance`: runs kube-proxy's own test cases (JSON) through the engine. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runConformanceCase, type ConformanceCase } from '../engine/index.ts';

async function collectCaseFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const out: string[] = [];
  for (const entry of (await readdir(path)).sort()) {
    const full = join(path, entry);
    if ((await stat(full)).isDirectory()) out.push(...(await collectCaseFiles(full)));
    else if (entry.endsWith('.json')) out.push(full);
  }
  return out;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

export async function runConformanceCommand(args: string[]): Promise<number> {
  if (args.length === 0 || args.includes('-h') || args.includes('--help')) {
    process.stdout.write(
      'usage: podpath conformance PATH...   (case files or folders of *.json)\n',
    );
    return args.length === 0 ? 2 : 0;
  }
  let passed = 0;
  let failed = 0;
  for (const arg of args) {
    let files: string[];
    try {
      files = await collectCaseFiles(arg);
    } catch (err) {
      process.stderr.write(`podpath conformance: ${arg}: ${(err as Error).message}\n`);
      failed++;
      continue;
    }
    for (const file of files) {
      let c: ConformanceCase;
      try {
        c = JSON.parse(await readFile(file, 'utf8')) as ConformanceCase;
      } catch (err) {
        process.stdout.write(`FAIL ${file}\n  cannot read case: ${(err as Error).message}\n`);
        failed++;
        continue;
      }
      const result = runConformanceCase(c);
      const bad = result.checks.filter((k) => !k.ok);
      const name = result.name ?? file;
      if (result.checks.length > 0 && bad.length === 0) {
        passed++;
        process.stdout.write(`ok   ${name} (${result.checks.length} checks)\n`);
      } else {
        failed++;
        process.stdout.write(`FAIL ${name}\n`);
        if (result.checks.length === 0)
          process.stdout.write('  no checks: the case asserts nothing podpath understands\n');
        for (const k of bad) {
          process.stdout.write(`  ✗ ${k.name}\n`);
          if (k.detail) process.stdout.write(indent(k.detail, '      ') + '\n');
        }
      }
    }
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}
