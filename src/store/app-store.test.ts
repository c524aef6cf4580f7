import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createAppStore } from './app-store.ts';
import { BURST_ANIMATED } from './simulation-slice.ts';
import {
  selectCurrentHop,
  selectPreviousRulesText,
  selectRulesNode,
  selectRulesText,
} from './selectors.ts';

const ARTICLE = readFileSync(
  new URL('../../scenarios/article/scenario.yaml', import.meta.url),
  'utf8',
);
const SEED_LINE =
  '-A KUBE-SVC-KUSV3H3OUX7H3MDQ -m comment --comment "default/clusterip-service -> 10.36.0.1:80" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-KPNE4OMUFKEDG6YL';

describe('app store', () => {
  test('the article scenario compiles into a model whose rules hold the seed lines', () => {
    const store = createAppStore({ yaml: ARTICLE, scenarioName: 'article' });
    const s = store.getState();
    expect(s.model?.cluster.nodes.map((n) => n.name)).toEqual(['master', 'node1', 'node2']);
    expect(selectRulesNode(s)).toBe('node1');
    expect(selectRulesText(s).split('\n')).toContain(SEED_LINE);
    // Cached: the same reference until the model changes.
    expect(selectRulesText(store.getState())).toBe(selectRulesText(s));
  });

  test('a syntax error keeps the last good model, marked stale, and the text as typed', () => {
    const store = createAppStore({ yaml: ARTICLE });
    const good = store.getState().model;
    const broken = ARTICLE.replace('replicas: 3', 'replicas: [3');
    store.getState().setYaml(broken);
    const s = store.getState();
    expect(s.yaml).toBe(broken);
    expect(s.model).toBe(good);
    expect(s.stale).toBe(true);
    expect(s.diagnostics.some((d) => d.severity === 'error' && d.line > 1)).toBe(true);
  });

  test('scaling to 4 recomputes the ladder and remembers the previous rules', () => {
    const store = createAppStore({ yaml: ARTICLE });
    store.getState().scale('default', 'deploy-nginx', 4);
    const s = store.getState();
    expect(s.yaml).toContain('replicas: 4');
    const text = selectRulesText(s);
    for (const p of ['0.25000000000', '0.33333333349', '0.50000000000'])
      expect(text).toContain(`--probability ${p}`);
    expect(selectPreviousRulesText(s)).toContain(SEED_LINE);
  });

  test('add and remove a worker; a refused action leaves the text alone', () => {
    const store = createAppStore({ yaml: ARTICLE });
    store.getState().addWorker();
    expect(store.getState().model?.cluster.nodes.map((n) => n.name)).toContain('node3');
    store.getState().removeWorker();
    expect(store.getState().model?.cluster.nodes.map((n) => n.name)).not.toContain('node3');
    store.getState().setYaml('a: [');
    store.getState().addWorker();
    expect(store.getState().actionError).toBe('fix the YAML errors first');
    expect(store.getState().yaml).toBe('a: [');
  });

  test('send traces client → Service across the overlay; the same seed replays the same backend', () => {
    const store = createAppStore({ yaml: ARTICLE, seed: 7 });
    store.getState().send();
    const first = store.getState().trace!;
    expect(store.getState().seed).toBe(8);
    expect(first.connections[0]!.outcome.kind).toBe('delivered');
    const hops = first.connections[0]!.packets[0]!.hops;
    expect(hops.some((h) => h.link === 'overlay:node1>node2')).toBe(true);
    expect(store.getState().steps.length).toBe(
      first.connections[0]!.packets.reduce((n, p) => n + p.hops.length, 0),
    );
    const again = createAppStore({ yaml: ARTICLE, seed: 7 });
    again.getState().send();
    expect(again.getState().trace!.connections[0]!.backend).toEqual(first.connections[0]!.backend);
  });

  test('playback steps and seeks within the trace', () => {
    const store = createAppStore({ yaml: ARTICLE });
    store.getState().send();
    const n = store.getState().steps.length;
    store.getState().step(1);
    expect(store.getState().hopIndex).toBe(0);
    expect(selectCurrentHop(store.getState())?.kind).toBe('send');
    store.getState().seek(n + 10);
    expect(store.getState().hopIndex).toBe(n - 1);
    expect(store.getState().status).toBe('done');
    store.getState().step(-1);
    expect(store.getState().hopIndex).toBe(n - 2);
  });

  test('a burst keeps the hops of its first connections, for the packet overlay', () => {
    const store = createAppStore({ yaml: ARTICLE });
    store.getState().runBurst(300);
    const connections = store.getState().burst!.trace.connections;
    expect(connections).toHaveLength(300);
    expect(connections.filter((c) => c.packets.length > 0)).toHaveLength(BURST_ANIMATED);
  });

  test('loading a scenario starts fresh: no "before" for the rules panel’s change marks', () => {
    const store = createAppStore({ yaml: ARTICLE });
    store.getState().scale('default', 'deploy-nginx', 4);
    expect(store.getState().previousModel).not.toBeNull();
    store.getState().loadScenario('article', ARTICLE);
    expect(store.getState().previousModel).toBeNull();
    expect(selectPreviousRulesText(store.getState())).toBeNull();
  });

  test('a name that does not resolve is an error, not a crash', () => {
    const store = createAppStore({ yaml: ARTICLE });
    store.getState().setRequest({ to: 'no-such-service' });
    store.getState().send();
    expect(store.getState().trace).toBeNull();
    expect(store.getState().traceError).toMatch(/no-such-service/);
  });
});
