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

  it('also runs every packet flow through the real evaluator with conntrack', () => {
    const c = JSON.parse(
      readFileSync(join(CASES, 'internal-external-masquerade--base.json'), 'utf8'),
    ) as ConformanceCase;
    const real = runConformanceCase(c).checks.filter((k) => k.name.includes('(real tracer'));
    expect(real).toHaveLength(c.expected!.packetFlows!.length);
    expect(real.every((k) => k.ok)).toBe(true);
  });

  it('fails the real tracer when a connection lands on an endpoint the flow does not list', () => {
    const c = JSON.parse(
      readFileSync(join(CASES, 'clusterip-general.json'), 'utf8'),
    ) as ConformanceCase;
    // Upstream lists both endpoints; claim only the first one can be reached.
    const flow = c.expected!.packetFlows!.find(
      (f) => f.name === 'clusterIP with multiple endpoints',
    )!;
    c.expected = { packetFlows: [{ ...flow, output: '10.180.0.1:80' }] };
    const bad = runConformanceCase(c).checks.filter((k) => !k.ok);
    expect(bad.map((k) => k.name)).toEqual([
      'packet flow "clusterIP with multiple endpoints"',
      'packet flow "clusterIP with multiple endpoints" (real tracer, 200 connections)',
    ]);
    const detail = bad[1]!.detail!;
    expect(detail).toMatch(
      /^connection \d+ of 200 \(source port \d+\): got "10\.180\.2\.1:80" masq false, expected one of "10\.180\.0\.1:80" masq false\n/,
    );
    // The hooks it went through, with the rules that decided.
    expect(detail).toContain('PREROUTING: ');
    expect(detail).toMatch(/KUBE-SEP-\w+ #\d+ DNAT 10\.180\.2\.1:80/);
  });

  it('fails the real tracer on a wrong masquerade expectation and on an unreached endpoint', () => {
    const c = JSON.parse(
      readFileSync(join(CASES, 'nodeports--ipv4-localhost-enabled.json'), 'utf8'),
    ) as ConformanceCase;
    const flows = c.expected!.packetFlows!;
    const external = flows.find((f) => f.name === 'external to nodePort')!;
    const pod = flows.find((f) => f.name === 'pod to cluster IP')!;
    c.expected = {
      packetFlows: [
        { ...external, name: 'no masq', masq: false },
        { ...pod, name: 'three endpoints', output: `${pod.output}, 10.180.9.9:80` },
      ],
    };
    const real = runConformanceCase(c).checks.filter((k) => k.name.includes('(real tracer'));
    expect(real.map((k) => k.ok)).toEqual([false, false]);
    expect(real[0]!.detail).toMatch(/masq true.*expected one of .* masq false/);
    expect(real[0]!.detail).toContain('MASQUERADE');
    expect(real[1]!.detail).toMatch(
      /^no connection reached "10\.180\.9\.9:80" \(got "10\.180\.0\.1:80" \d+x, "10\.180\.2\.1:80" \d+x\)$/,
    );
  });
});
