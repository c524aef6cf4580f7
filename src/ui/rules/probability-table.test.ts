import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createAppStore } from '../../store/app-store.ts';
import { nodeRulesOf, rulesText } from '../../store/rules-text.ts';
import { probabilityText, serviceLadders, shareText } from './probability-table.ts';

const scenario = (name: string) =>
  readFileSync(new URL(`../../../scenarios/${name}/scenario.yaml`, import.meta.url), 'utf8');

function ladders(yaml: string, node = 'node1') {
  const model = createAppStore({ yaml }).getState().model!;
  return serviceLadders(
    nodeRulesOf(model, node)!.document,
    rulesText(model, node, 'nat-S').split('\n'),
  );
}

describe('serviceLadders', () => {
  test('the article’s table: three endpoints, 1/3 each', () => {
    const svc = ladders(scenario('article')).find(
      (l) => l.service === 'default/clusterip-service',
    )!;
    expect(svc.chain).toBe('KUBE-SVC-KUSV3H3OUX7H3MDQ');
    expect(svc.local).toBe(false);
    expect(svc.rows.map((r) => [r.endpoint, r.sepChain, r.printed, r.written])).toEqual([
      ['10.36.0.1:80', 'KUBE-SEP-KPNE4OMUFKEDG6YL', '0.33333333349', '0.3333333333'],
      ['10.36.0.2:80', 'KUBE-SEP-QC2YCZLGKU5ER4V3', '0.50000000000', '0.5000000000'],
      ['10.36.0.3:80', 'KUBE-SEP-L7WI7M2YKMCGI5ZA', null, null],
    ]);
    expect(svc.rows.map((r) => r.formula)).toEqual(['1/3', '(1−1/3)·1/2', '(1−1/3)·(1−1/2)·1']);
    expect(svc.rows.map((r) => r.shareText)).toEqual(['1/3', '1/3', '1/3']);
    for (const r of svc.rows) expect(r.share).toBeCloseTo(1 / 3, 9);
  });

  test('scaled to 4: 1/4, 1/3, 1/2, then the rest', () => {
    const store = createAppStore({ yaml: scenario('article') });
    store.getState().scale('default', 'deploy-nginx', 4);
    const model = store.getState().model!;
    const svc = serviceLadders(
      nodeRulesOf(model, 'node1')!.document,
      rulesText(model, 'node1', 'nat-S').split('\n'),
    ).find((l) => l.service === 'default/clusterip-service')!;
    expect(svc.rows.map((r) => r.printed)).toEqual([
      '0.25000000000',
      '0.33333333349',
      '0.50000000000',
      null,
    ]);
    expect(svc.rows.map((r) => r.shareText)).toEqual(['1/4', '1/4', '1/4', '1/4']);
    expect(svc.rows[3]!.formula).toBe('(1−1/4)·(1−1/3)·(1−1/2)·1');
  });

  test('a single endpoint takes everything; every ladder sums to 1', () => {
    const all = ladders(scenario('article'));
    const api = all.find((l) => l.service === 'default/kubernetes')!;
    expect(api.rows).toHaveLength(1);
    expect(api.rows[0]!.formula).toBe('1');
    expect(api.rows[0]!.shareText).toBe('1');
    for (const l of all) expect(l.rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 9);
  });

  test('session affinity: the `--rcheck` rules are not part of the ladder', () => {
    const cart = ladders(scenario('session-affinity')).find((l) => l.service === 'default/cart')!;
    expect(cart.rows.map((r) => r.shareText)).toEqual(['1/3', '1/3', '1/3']);
  });

  test('external traffic policy Local: the KUBE-SVL chain is its own ladder', () => {
    const all = ladders(scenario('traffic-policy-local'));
    const local = all.filter((l) => l.service === 'default/ingress');
    expect(local.map((l) => l.local).sort()).toEqual([false, true]);
  });

  test('many endpoints: the formula is shortened around …', () => {
    const doc = {
      filter: { chains: [], lines: [] },
      nat: {
        chains: [],
        lines: Array.from({ length: 8 }, (_, i) => ({
          text:
            `-A KUBE-SVC-X -m comment --comment "ns/s -> 10.0.0.${i}:80"` +
            (i < 7
              ? ` -m statistic --mode random --probability ${(1 / (8 - i)).toFixed(10)}`
              : '') +
            ` -j KUBE-SEP-${i}`,
          origin: { service: 'ns/s', portName: 'ns/s', endpoint: `10.0.0.${i}:80` },
        })),
      },
    };
    const [l] = serviceLadders(doc, []);
    expect(l!.rows[7]!.formula).toBe('(1−1/8)·(1−1/7)·…·(1−1/2)·1');
    expect(l!.rows.map((r) => r.shareText)).toEqual(Array(8).fill('1/8'));
  });
});

describe('fractions', () => {
  test('the kernel’s rounded probabilities read as 1/k; others stay as printed', () => {
    expect(probabilityText(0.33333333349)).toBe('1/3');
    expect(probabilityText(0.5)).toBe('1/2');
    expect(probabilityText(0.3, '0.30000000000')).toBe('0.30000000000');
    expect(shareText(0.3)).toBe('0.3000');
    expect(shareText(0)).toBe('0.0000');
  });
});
