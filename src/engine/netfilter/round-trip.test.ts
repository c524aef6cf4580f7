/**
 * Round trip for everything the engine renders: the kernel tables of every golden scenario's
 * nodes (kube-proxy's rules plus Weave's or Docker's, exactly what the simulator evaluates) and
 * of every kube-proxy conformance case (IPv4 and IPv6, after all its syncs) come back equal from
 * `parseSave(renderSave(x))`, from `iptables-save -c` text, and table by table from
 * `parseS(renderS(x))`; a parsed ruleset also evaluates like the original.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeTables } from '../cni/cni-rules.ts';
import { proxierConfigFromCase } from '../conformance/case-config.ts';
import type { ConformanceCase } from '../conformance/case-types.ts';
import { KernelTables } from '../conformance/kernel-tables.ts';
import { parseS, parseSave } from '../iptables/parse-save.ts';
import type { Ruleset } from '../iptables/ruleset.ts';
import { TABLE_NAMES } from '../iptables/ruleset.ts';
import { renderS, renderSave } from '../iptables/save.ts';
import { compileManifests } from '../k8s/compile.ts';
import { syncProxyRules, type ProxierState } from '../kubeproxy/sync.ts';
import { compileRuleset } from './compiled-ruleset.ts';
import { makeContext } from './context.ts';
import { createEvalState } from './eval-state.ts';
import { evaluateChainFast } from './fast.ts';
import { makePacket } from './packet.ts';

const ROOT = join(import.meta.dirname, '../../..');

function scenarioRulesets(): { label: string; ruleset: Ruleset }[] {
  const out: { label: string; ruleset: Ruleset }[] = [];
  for (const name of readdirSync(join(ROOT, 'scenarios')).sort()) {
    const text = readFileSync(join(ROOT, 'scenarios', name, 'scenario.yaml'), 'utf8');
    const cluster = compileManifests([{ name: 'scenario.yaml', text }]).cluster;
    if (!cluster) throw new Error(`scenario ${name} does not compile`);
    for (const node of cluster.nodes)
      out.push({ label: `${name} ${node.name}`, ruleset: nodeTables(cluster, node.name).ruleset });
  }
  return out;
}

function conformanceRulesets(): { label: string; ruleset: Ruleset }[] {
  const dir = join(ROOT, 'testdata/kube-proxy');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ConformanceCase;
      const config = proxierConfigFromCase(c.config);
      const kernel = new KernelTables(config);
      let state: ProxierState | null = null;
      for (const [i, step] of [c, ...(c.steps ?? [])].entries()) {
        const r = syncProxyRules(
          state,
          { services: step.services ?? [], endpointSlices: step.endpointSlices ?? [] },
          config,
          { full: i === 0 },
        );
        state = r.state;
        const problem = kernel.apply(r.text);
        if (problem) throw new Error(`${file}: ${problem}`);
      }
      return { label: file, ruleset: kernel.ruleset };
    });
}

const CASES = [...scenarioRulesets(), ...conformanceRulesets()];

describe('parse(render(x)) == x for the kernel tables the engine builds', () => {
  it('covers both address families and every table kube-proxy and the CNIs use', () => {
    expect(CASES.some((c) => c.ruleset.family === 6)).toBe(true);
    for (const table of ['filter', 'nat', 'mangle'] as const)
      expect(CASES.some((c) => c.ruleset.tables[table].present)).toBe(true);
  });

  for (const { label, ruleset } of CASES) {
    it(label, () => {
      const text = renderSave(ruleset);
      const again = parseSave(text, ruleset.family);
      if (!again.ok) throw new Error(`${again.error.summary}: ${again.error.reason}`);
      expect(again.value).toEqual(ruleset);
      expect(renderSave(again.value)).toBe(text);

      const counted = parseSave(renderSave(ruleset, undefined, { counters: true }), ruleset.family);
      expect(counted.ok && counted.value).toEqual(ruleset);

      for (const table of TABLE_NAMES) {
        if (!ruleset.tables[table].present) continue;
        const s = renderS(ruleset, table);
        const parsed = parseS(s, table, ruleset.family);
        if (!parsed.ok)
          throw new Error(`${table}: ${parsed.error.summary}: ${parsed.error.reason}`);
        expect(parsed.value.tables[table]).toEqual(ruleset.tables[table]);
        expect(renderS(parsed.value, table)).toBe(s);
      }
    });
  }

  it('a pasted copy of the tables evaluates like the original', () => {
    const { ruleset } = CASES.find((c) => c.label === 'article node1')!;
    const parsed = parseSave(renderSave(ruleset));
    if (!parsed.ok) throw new Error(parsed.error.reason);
    const a = compileRuleset(ruleset);
    const b = compileRuleset(parsed.value);
    if (!a.ok || !b.ok) throw new Error('does not compile');
    const packet = makePacket({ src: '10.44.0.1', dst: '10.100.100.100', sport: 40000, dport: 80 });
    const ctx = makeContext({ addresses: ['eth0 192.168.56.11/24'] });
    const ra = evaluateChainFast(a.value, 'nat', 'PREROUTING', packet, ctx, createEvalState());
    const rb = evaluateChainFast(b.value, 'nat', 'PREROUTING', packet, ctx, createEvalState());
    expect(ra.verdict.kind).toBe('NAT');
    expect(rb).toEqual(ra);
  });
});
