import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { RuleStep } from '../../engine/index.ts';
import { createAppStore } from '../../store/app-store.ts';
import { rulesText } from '../../store/rules-text.ts';
import { selectCurrentHop } from '../../store/selectors.ts';
import type { RulesView } from '../../store/view-slice.ts';
import { countMatches, hopLines, indexRules } from './rule-lines.ts';

const ARTICLE = readFileSync(
  new URL('../../../scenarios/article/scenario.yaml', import.meta.url),
  'utf8',
);

function sent() {
  const store = createAppStore({ yaml: ARTICLE, seed: 7 });
  store.getState().send();
  const s = store.getState();
  const lines = (view: RulesView, node = 'node1') => rulesText(s.model!, node, view).split('\n');
  const steps = (node: string, table: string): RuleStep[] =>
    s
      .trace!.connections[0]!.packets.flatMap((p) =>
        p.hops.filter((h) => h.node === node).flatMap((h) => h.rules ?? []),
      )
      .filter((r) => r.table === table && r.chain.startsWith('KUBE-'));
  return { store, s, lines, steps };
}

const target = (rule: string) => rule.slice(rule.indexOf(' -j '));

describe('indexRules', () => {
  test('every kube-proxy nat rule the packet matched on node1 is found, in every view', () => {
    const { lines, steps } = sent();
    const matched = steps('node1', 'nat');
    expect(matched.length).toBeGreaterThanOrEqual(3);
    for (const view of ['nat-S', 'save', 'restore'] as const) {
      const text = lines(view);
      const index = indexRules(text, view);
      for (const step of matched) {
        const i = index.find(step);
        expect(i, `${view}: ${step.ruleText}`).toBeGreaterThanOrEqual(0);
        if (view === 'restore') expect(target(text[i]!)).toBe(target(step.ruleText));
        else expect(text[i]).toBe(step.ruleText);
      }
    }
  });

  test('nat rules are not found in the filter view; CNI rules are found nowhere', () => {
    const { lines, s } = sent();
    const all = s.trace!.connections[0]!.packets.flatMap((p) =>
      p.hops.flatMap((h) => h.rules ?? []),
    );
    const filterView = indexRules(lines('filter-S'), 'filter-S');
    for (const step of all.filter((r) => r.table === 'nat')) expect(filterView.find(step)).toBe(-1);
    for (const view of ['nat-S', 'save', 'filter-S', 'restore'] as const) {
      const index = indexRules(lines(view), view);
      for (const step of all.filter((r) => r.chain.startsWith('WEAVE')))
        expect(index.find(step)).toBe(-1);
    }
  });

  test('in iptables-save the same text in two tables is told apart', () => {
    const lines = ['*filter', '-A X -j ACCEPT', 'COMMIT', '*nat', '-A X -j ACCEPT', 'COMMIT'];
    const index = indexRules(lines, 'save');
    const step = { chain: 'X', ruleNumber: 1, ruleText: '-A X -j ACCEPT' };
    expect(index.find({ ...step, table: 'filter' })).toBe(1);
    expect(index.find({ ...step, table: 'nat' })).toBe(4);
  });
});

describe('hopLines and countMatches', () => {
  test('the DNAT hop on node1 lights its kube-proxy rules; on another node nothing', () => {
    const { store, lines } = sent();
    const steps = store.getState().steps;
    const natHop = steps.findIndex((_, i) => {
      store.getState().seek(i);
      const hop = selectCurrentHop(store.getState());
      return hop?.node === 'node1' && hop.rules?.some((r) => r.ruleText.includes('DNAT'));
    });
    expect(natHop).toBeGreaterThanOrEqual(0);
    store.getState().seek(natHop);
    const hop = selectCurrentHop(store.getState());
    const text = lines('nat-S');
    const index = indexRules(text, 'nat-S');
    const { lines: found } = hopLines(hop, 'node1', index);
    expect(found.map((i) => text[i])).toContain(
      '-A KUBE-SERVICES -d 10.100.100.100/32 -p tcp -m comment --comment "default/clusterip-service cluster IP" -m tcp --dport 80 -j KUBE-SVC-KUSV3H3OUX7H3MDQ',
    );
    expect(found.some((i) => text[i]!.includes('-j DNAT'))).toBe(true);
    expect(hopLines(hop, 'node2', index).lines).toEqual([]);
    expect(hopLines(null, 'node1', index).lines).toEqual([]);
  });

  test('counts: each rule the trace walked on the node, once per pass', () => {
    const { s, lines } = sent();
    const text = lines('nat-S');
    const counts = countMatches(s.trace, 'node1', indexRules(text, 'nat-S'));
    const svcRule = text.findIndex((l) => l.startsWith('-A KUBE-SERVICES -d 10.100.100.100/32'));
    expect(counts.get(svcRule)).toBe(1);
    // The connection's first packet alone goes through the nat table (conntrack does the rest):
    // the Service's own chains once. The built-in chains also see the first VXLAN datagram of
    // each direction (node1 sends one in OUTPUT/POSTROUTING, receives one in PREROUTING).
    for (const [i, n] of counts) {
      const line = text[i]!;
      const own = /^-A KUBE-(SVC|SEP)-|^-A KUBE-SERVICES -d 10\.100\.100\.100\//.test(line);
      if (own) expect(n).toBe(1);
      expect(n).toBeLessThanOrEqual(2);
    }
    const jump = text.findIndex(
      (l) => l.startsWith('-A PREROUTING ') && l.endsWith('-j KUBE-SERVICES'),
    );
    expect(counts.get(jump)).toBe(2);
    expect(countMatches(null, 'node1', indexRules(text, 'nat-S')).size).toBe(0);
  });
});
