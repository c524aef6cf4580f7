import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { compileManifests } from '../k8s/compile.ts';
import { formatTraceMarkdown } from './format-markdown.ts';
import { runTraceSpec } from './trace-text.ts';

test('a trace as Markdown: one table row per hop, the DNAT visible, pipes escaped', () => {
  const text = readFileSync(
    new URL('../../../scenarios/article/scenario.yaml', import.meta.url),
    'utf8',
  );
  const cluster = compileManifests([{ name: 'scenario.yaml', text }]).cluster!;
  const r = runTraceSpec(cluster, { from: 'client', to: 'clusterip-service', packets: 1, seed: 1 });
  if (!r.ok) throw new Error(r.error);
  const md = formatTraceMarkdown(r.value);
  const rows = md.split('\n').filter((l) => /^\| \d+ \|/.test(l));
  const hops = r.value.connections[0]!.packets.reduce((n, p) => n + p.hops.length, 0);
  expect(rows).toHaveLength(hops);
  for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(9); // 7 cells
  expect(md).toContain('`10.44.0.1:40048 > 10.100.100.100:80 tcp`');
  expect(md).toMatch(/DNAT to 10\.36\.0\.\d:80/);
  expect(md).toContain('## Packet 2 (reply)');
});
