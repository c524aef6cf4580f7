import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConformanceCase } from './case-types.ts';
import { runConformanceCase } from './run-case.ts';

// kube-proxy's own test cases (Apache-2.0, see testdata/kube-proxy/README.md), copied into the repo.
const CASES = join(import.meta.dirname, '../../../testdata/kube-proxy');

describe('kube-proxy conformance cases', () => {
  const files = readdirSync(CASES).filter((f) => f.endsWith('.json'));
  it('has the sample cases', () => expect(files.length).toBeGreaterThanOrEqual(15));
  for (const file of files) {
    it(file, () => {
      const c = JSON.parse(readFileSync(join(CASES, file), 'utf8')) as ConformanceCase;
      const result = runConformanceCase(c);
      expect(result.checks.length).toBeGreaterThan(0);
      const failures = result.checks
        .filter((k) => !k.ok)
        .map((k) => `${k.name}\n${k.detail ?? ''}`);
      expect(failures).toEqual([]);
    });
  }

  it('reports a changed expectation as a failure with a diff', () => {
    const c = JSON.parse(
      readFileSync(join(CASES, 'clusterip-general.json'), 'utf8'),
    ) as ConformanceCase;
    c.expected = { ...c.expected, nat: c.expected!.nat!.replace('0.5000000000', '0.2500000000') };
    const bad = runConformanceCase(c).checks.filter((k) => !k.ok);
    expect(bad.map((k) => k.name)).toEqual(['nat']);
    expect(bad[0]!.detail).toContain('- -A KUBE-SVC-2M3BRF2INUPO2K3W');
  });

  it('reports an assertion kind it does not understand instead of passing it', () => {
    const c = JSON.parse(
      readFileSync(join(CASES, 'no-endpoints-reject.json'), 'utf8'),
    ) as ConformanceCase;
    c.expected = { ...c.expected, lineCount: 12 };
    const bad = runConformanceCase(c).checks.filter((k) => !k.ok);
    expect(bad.map((k) => k.detail)).toEqual(['unsupported assertion "lineCount"']);
  });

  it('checks packet flows with upstream tracer semantics', () => {
    const c = JSON.parse(
      readFileSync(join(CASES, 'clusterip-general.json'), 'utf8'),
    ) as ConformanceCase;
    const flow = { ...c.expected!.packetFlows![0]!, masq: true };
    c.expected = { packetFlows: [flow] };
    const [check] = runConformanceCase(c).checks.filter((k) => !k.ok);
    expect(check?.detail).toBe(
      'expected output "10.180.0.1:80" masq true, got "10.180.0.1:80" masq false',
    );
  });
});
