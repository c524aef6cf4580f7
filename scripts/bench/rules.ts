/**
 * Bench section `rules`: kube-proxy rule generation at scale.
 * Rule generation for N ClusterIP Services × 5 endpoints (budget: 10,000 × 5 in under 1 s),
 * as kube-proxy's restore input and as iptables-save prints it back after loading it: the
 * latter the way `podpath rules --format save` and the app's rules panel print it
 * (formatNodeRules on a node's sync), from a cold chain-name cache.
 */
import { performance } from 'node:perf_hooks';
import {
  clearChainNameCache,
  defaultProxierConfig,
  formatNodeRules,
  formatRestoreDocument,
  generateRestoreDocument,
  nodeRulesOf,
} from '../../src/engine/index.ts';
import { syntheticCluster } from './synthetic.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function measure(fn: () => string, runs: number): { ms: number; lines: number } {
  let text = fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    text = fn();
    samples.push(performance.now() - t0);
  }
  return { ms: median(samples), lines: text.split('\n').length - 1 };
}

const config = defaultProxierConfig('node1', '192.168.56.11');
type Input = ReturnType<typeof syntheticCluster>;
const sync = (input: Input, cold: boolean) => {
  // Cold: no chain name remembered from an earlier sync (kube-proxy's first sync).
  if (cold) clearChainNameCache();
  return generateRestoreDocument(input, config);
};
const generate = (input: Input, cold: boolean) => formatRestoreDocument(sync(input, cold));
console.log('podpath bench (median of several runs; Node ' + process.version + ')');
for (const n of [1_000, 10_000]) {
  const input = syntheticCluster(n, 5);
  const runs = n > 1_000 ? 5 : 9;
  const rows: [string, { ms: number; lines: number }][] = [
    ['restore', measure(() => generate(input, true), runs)],
    ['restore (names remembered, as on later syncs)', measure(() => generate(input, false), runs)],
    [
      'save',
      measure(() => formatNodeRules(nodeRulesOf('node1', config, sync(input, true)), 'save'), runs),
    ],
  ];
  for (const [format, r] of rows) {
    const verdict =
      n === 10_000
        ? r.ms < 1000
          ? '  (budget < 1000 ms: met)'
          : '  (budget < 1000 ms: MISSED)'
        : '';
    console.log(
      `rules ${format} ${String(n)} services x 5 endpoints: ` +
        `${r.ms.toFixed(1)} ms, ${r.lines.toLocaleString('en-US')} lines${verdict}`,
    );
  }
}
