import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileScenario, runTraceSpec, type ClusterModel } from '../../engine/index.ts';
import { countBurst, serviceEndpoints } from './burst-counts.ts';

function cluster(name: string): ClusterModel {
  const text = readFileSync(
    new URL(`../../../scenarios/${name}/scenario.yaml`, import.meta.url),
    'utf8',
  );
  return compileScenario([{ name: 'scenario.yaml', text }]).cluster!;
}

describe('countBurst', () => {
  const article = cluster('article');
  const r = runTraceSpec(article, {
    from: 'client',
    to: 'clusterip-service',
    seed: 1,
    packets: 1,
    connections: 3000,
  });
  if (!r.ok) throw new Error(r.error);

  test('3,000 connections spread over the three nginx endpoints, each near 1/3', () => {
    const c = countBurst(r.value, article);
    expect(c.endpoints).toBe(3);
    expect(c.even).toBeCloseTo(1 / 3);
    expect(c.bars.map((b) => b.key)).toEqual(['10.36.0.1:80', '10.36.0.2:80', '10.36.0.3:80']);
    // What `podpath trace --from client --to clusterip-service --connections 3000 --seed 1` prints.
    expect(c.bars.map((b) => b.count)).toEqual([1022, 973, 1005]);
    for (const b of c.bars) {
      expect(b.share).toBeGreaterThan(0.3);
      expect(b.share).toBeLessThan(0.37);
      expect(b.pod).toMatch(/^default\/deploy-nginx-/);
      expect(b.node).toBe('node2');
    }
  });

  test('revealed counts only the first connections; endpoints not chosen yet show 0', () => {
    const c = countBurst(r.value, article, 1);
    expect(c.counted).toBe(1);
    expect(c.total).toBe(3000);
    expect(c.bars).toHaveLength(3);
    expect(c.bars.reduce((n, b) => n + b.count, 0)).toBe(1);
  });

  test('a target that is not a Service has no even share', () => {
    const direct = runTraceSpec(article, { from: 'client', to: '10.36.0.2:80', packets: 1 });
    if (!direct.ok) throw new Error(direct.error);
    const c = countBurst(direct.value, article);
    expect(c.even).toBeNull();
    expect(c.bars.map((b) => [b.key, b.count])).toEqual([['10.36.0.2:80', 1]]);
  });

  test('docker0 only: two pods, one address, so one endpoint', () => {
    const docker = cluster('docker-only');
    expect(serviceEndpoints(docker, '10.96.120.120', 80)?.map((e) => e.key)).toEqual([
      '172.17.0.2:80',
    ]);
  });
});
