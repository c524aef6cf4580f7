import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/podpath');
const SEED = join(ROOT, 'testdata/seed');

function podpath(args: string[], input?: string) {
  const r = spawnSync(BIN, args, { cwd: ROOT, encoding: 'utf8', input, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const grep = (text: string, needle: string) =>
  text
    .split('\n')
    .filter((l) => l.includes(needle))
    .map((l) => l + '\n')
    .join('');

describe('bin/podpath rules', () => {
  it("prints the article's lines byte for byte (iptables -t nat -S | grep …)", () => {
    const r = podpath([
      'rules',
      join(SEED, 'deployment-service.yaml'),
      join(SEED, 'pods.yaml'),
      '--format',
      'S',
      '--table',
      'nat',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(grep(r.stdout, '10.100.100.100')).toBe(
      readFileSync(join(SEED, 'expected-grep-clusterip.txt'), 'utf8'),
    );
    expect(grep(r.stdout, 'KUBE-SVC-KUSV3H3OUX7H3MDQ')).toBe(
      readFileSync(join(SEED, 'expected-grep-svc-chain.txt'), 'utf8'),
    );
  });

  it('uses the default scenario without input, and reads - from stdin', () => {
    const byDefault = podpath(['rules', '--format', 'S', '--table', 'nat']);
    const fromStdin = podpath(
      ['rules', '-', '--format', 'S', '--table', 'nat'],
      readFileSync(join(ROOT, 'scenarios/article/scenario.yaml'), 'utf8'),
    );
    expect(byDefault.code).toBe(0);
    expect(fromStdin.stdout).toBe(byDefault.stdout);
    expect(grep(byDefault.stdout, '10.100.100.100')).toBe(
      readFileSync(join(SEED, 'expected-grep-clusterip.txt'), 'utf8'),
    );
  });

  it('exits 1 with file:line:col diagnostics on invalid input', () => {
    const r = podpath(
      ['rules', '-'],
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 70000\n',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^-:7:\d+: error: .*spec\.ports\[0\]\.port: Invalid value: 70000: must be between 1 and 65535, inclusive/m,
    );
  });

  it('rejects an unknown node, format or table', () => {
    expect(podpath(['rules', '--node', 'node9']).code).toBe(1);
    expect(podpath(['rules', '--format', 'json']).code).toBe(2);
    expect(podpath(['rules', '--table', 'mangle']).code).toBe(2);
  });
});

describe('bin/podpath conformance', () => {
  it('passes every sample case and ends with the summary line', () => {
    const r = podpath(['conformance', join(ROOT, 'testdata/kube-proxy')]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^(1[5-9]|[2-9]\d) passed, 0 failed$/);
  });

  it('fails on a broken case file', () => {
    const r = podpath(['conformance', join(ROOT, 'package.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('0 passed, 1 failed');
  });
});

describe('bin/podpath trace', () => {
  it('walks the default scenario from the client pod to the Service, hop by hop', () => {
    const r = podpath(['trace', '--from', 'client', '--to', 'clusterip-service', '--seed', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      readFileSync(join(ROOT, 'scenarios/article/trace.pod-to-service.txt'), 'utf8'),
    );
  });

  it('prints the spread of many connections and the full trace as JSON', () => {
    const spread = podpath([
      'trace',
      '--from',
      'client',
      '--to',
      'clusterip-service',
      '--connections',
      '300',
    ]);
    expect(spread.stdout.split('\n').filter((l) => l.startsWith('10.36.0.'))).toHaveLength(3);
    const json = podpath(['trace', '--from', 'client', '--to', '10.100.100.100:80', '--json']);
    expect(JSON.parse(json.stdout).connections[0].packets[0].outcome.kind).toBe('delivered');
  });

  it('traces through a pasted iptables-save ruleset and refuses a broken one at its line', () => {
    const rules = podpath(['rules', '--node', 'node1', '--format', 'save']).stdout;
    const withDrop = rules
      .replace(':KUBE-SERVICES - [0:0]\n', ':KUBE-SERVICES - [0:0]\n')
      .replace(
        '-A KUBE-SERVICES -d 10.100.100.100/32',
        '-A KUBE-SERVICES -d 10.100.100.100/32 -p tcp -j DROP\n-A KUBE-SERVICES -d 10.100.100.100/32',
      );
    const dir = mkdtempSync(join(tmpdir(), 'podpath-'));
    writeFileSync(join(dir, 'node1.rules'), withDrop);
    const r = podpath([
      'trace',
      '--from',
      'client',
      '--to',
      'clusterip-service',
      '--rules',
      join(dir, 'node1.rules'),
      '--node',
      'node1',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/result: dropped on node1: dropped in PREROUTING/);
    writeFileSync(
      join(dir, 'bad.rules'),
      '*nat\n-A KUBE-SERVICES -m frobnicate -j ACCEPT\nCOMMIT\n',
    );
    const bad = podpath([
      'trace',
      '--from',
      'client',
      '--to',
      'clusterip-service',
      '--rules',
      join(dir, 'bad.rules'),
      '--node',
      'node1',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.rules:2: .*frobnicate/);
  });

  it('explains names it cannot resolve', () => {
    const r = podpath(['trace', '--from', 'nobody', '--to', 'clusterip-service']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown source "nobody"');
  });
});
