import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createAppStore } from './app-store.ts';
import { selectRulesText } from './selectors.ts';
import { selectWhyHops, selectWhyKeys } from './why-selectors.ts';

const ARTICLE = readFileSync(
  new URL('../../scenarios/article/scenario.yaml', import.meta.url),
  'utf8',
);

describe('why links', () => {
  test('a click on targetPort marks the DNAT rules and the hop that used one', () => {
    const store = createAppStore({ yaml: ARTICLE, seed: 3 });
    store.getState().send();
    store.getState().explainAt(ARTICLE.indexOf('targetPort') + 2);
    const s = store.getState();
    expect(s.why?.field.path).toEqual(['spec', 'ports', 0, 'targetPort']);
    expect([...selectWhyKeys(s)].every((k) => k.startsWith('nat KUBE-SEP-'))).toBe(true);
    expect(selectWhyKeys(s).size).toBe(3);
    // Memoised: the same set until something changes.
    expect(selectWhyKeys(store.getState())).toBe(selectWhyKeys(s));
    const hops = [...selectWhyHops(s)];
    expect(hops).toHaveLength(1);
    const ref = s.steps[hops[0]!]!;
    const hop = s.trace!.connections[0]!.packets[ref.packet]!.hops[ref.hop]!;
    expect(hop.rules?.some((r) => r.ruleText.includes('-j DNAT --to-destination'))).toBe(true);

    store.getState().explainAt(ARTICLE.indexOf('# The article') + 1);
    expect(store.getState().why).toBeNull();
    expect(selectWhyKeys(store.getState()).size).toBe(0);
  });

  test('a click on a rule marks its field and asks the editor to show it', () => {
    const store = createAppStore({ yaml: ARTICLE, leftTab: 'lessons' });
    const lines = selectRulesText(store.getState()).split('\n');
    const n = lines.filter((l) => l.startsWith('-A KUBE-SVC-KUSV3H3OUX7H3MDQ ')).length;
    expect(n).toBe(3);
    store.getState().explainRule('nat KUBE-SVC-KUSV3H3OUX7H3MDQ #1');
    const s = store.getState();
    expect(s.why?.field).toEqual({
      kind: 'Deployment',
      namespace: 'default',
      name: 'deploy-nginx',
      path: ['spec', 'replicas'],
    });
    expect(ARTICLE.slice(s.reveal!.from, s.reveal!.to)).toBe('3');
    expect(s.leftTab).toBe('yaml');
    expect(selectWhyKeys(s).has('nat KUBE-SVC-KUSV3H3OUX7H3MDQ #1')).toBe(true);

    // kube-proxy's own fixed rules come from no field.
    store.getState().explainRule('nat KUBE-POSTROUTING #1');
    expect(store.getState().why).toBeNull();
  });
});

test('another click in the same field keeps the marks as they are', () => {
  const store = createAppStore({ yaml: ARTICLE });
  const at = ARTICLE.indexOf('targetPort');
  store.getState().explainAt(at + 1);
  const why = store.getState().why;
  store.getState().explainAt(at + 4);
  expect(store.getState().why).toBe(why);
  store.getState().explainAt(ARTICLE.indexOf('replicas'));
  expect(store.getState().why?.field.path).toEqual(['spec', 'replicas']);
});
