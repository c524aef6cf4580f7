import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goldenNodeOf } from '../golden-scenarios.ts';
import { compileScenario, renderNodeRules } from '../index.ts';
import type { IpFamily } from '../net/ip.ts';
import { parseRuleSpec } from './parse-rule.ts';
import { parseRuleFast } from './parse-rule-fast.ts';
import { splitRuleLine } from './words.ts';

const ROOT = join(import.meta.dirname, '../../..');

/** Every `-A` line in a text. */
const ruleLines = (text: string) => text.split('\n').filter((l) => l.startsWith('-A '));

/** Every string inside a JSON value. */
function strings(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (Array.isArray(x)) for (const v of x) strings(v, out);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) strings(v, out);
  return out;
}

/** Rule lines of every golden scenario (kube-proxy's input and iptables-save's output) by family. */
function goldenLines(): string[] {
  const lines: string[] = [];
  const dir = join(ROOT, 'scenarios');
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name, 'scenario.yaml'), 'utf8');
    const { cluster } = compileScenario([{ name: 'scenario.yaml', text }]);
    for (const file of readdirSync(join(dir, name))) {
      const node = goldenNodeOf(file);
      if (node === null) continue;
      lines.push(...ruleLines(readFileSync(join(dir, name, file), 'utf8')));
      if (cluster) lines.push(...ruleLines(renderNodeRules(cluster, { node, format: 'restore' })));
    }
  }
  return lines;
}

/** Rule lines of every conformance case (inputs, expectations, iptables-save text), by family. */
function conformanceLines(): [IpFamily, string][] {
  const out: [IpFamily, string][] = [];
  const dir = join(ROOT, 'testdata/kube-proxy');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      config: { ipFamily: string };
    };
    const family: IpFamily = c.config.ipFamily === 'IPv6' ? 6 : 4;
    for (const s of strings(c)) for (const line of ruleLines(s)) out.push([family, line]);
  }
  return out;
}

/** A rule as comparable text: every key in order, addresses' bigints as text. */
const dump = (x: unknown) =>
  JSON.stringify(x, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/** The fast path gives what the general parser gives, or null (then the general parser runs). */
function agrees(words: readonly string[], family: IpFamily): 'fast' | 'general' {
  const fast = parseRuleFast(words, 2, family);
  const general = parseRuleSpec(words.slice(2), family);
  if (fast === null) return 'general';
  expect(general.ok).toBe(true);
  if (general.ok) expect(dump(fast)).toBe(dump(general.value.rule));
  return 'fast';
}

describe('parseRuleFast', () => {
  it('reads every rule of the golden scenarios exactly as the general parser', () => {
    const lines = goldenLines();
    expect(lines.length).toBeGreaterThan(500);
    for (const line of lines) expect(agrees(splitRuleLine(line), 4), line).toBe('fast');
  });

  it('reads every rule of the conformance cases exactly as the general parser', () => {
    const lines = conformanceLines();
    expect(lines.length).toBeGreaterThan(500);
    for (const [family, line] of lines) {
      expect(agrees(splitRuleLine(line), family), line).toBe('fast');
    }
  });

  it('agrees with the general parser or leaves the words to it, on arbitrary word lists', () => {
    const vocabulary = [
      ...['!', '-s', '-d', '-p', '-m', '-j', '-g', '-i', '-c', '-f', '--source', '--dport'],
      ...['--sport', '--dport=80', '--comment', '--mark', '--set-xmark', '--to-destination'],
      ...['--mode', '--probability', '--every', '--name', '--set', '--rcheck', '--seconds'],
      ...['--reap', '--ctstate', '--dst-type', '--src-type', '--nfacct-name', '--or-mark'],
      ...['--random-fully', '--tcp-flags', '--syn', '--dp', '--reject-with', '--to-ports'],
      ...['tcp', 'udp', 'sctp', 'icmp', 'all', 'comment', 'statistic', 'recent', 'mark'],
      ...['conntrack', 'addrtype', 'nfacct', 'multiport', 'MARK', 'DNAT', 'SNAT', 'REJECT'],
      ...['MASQUERADE', 'ACCEPT', 'DROP', 'RETURN', 'KUBE-SVC-X', 'QUEUE', 'random', 'nth'],
      ...['10.0.0.1', '10.0.0.0/8', '0.0.0.0/0', 'fd00::1', '::1/128', '80', '1:2', '0x4000'],
      ...['0x4000/0x4000', '0.5000000000', '10.0.0.1:80', 'LOCAL', 'NEW,ESTABLISHED', ''],
      ...['SYN,ACK', 'SYN', 'a b', '-', '--', '1'],
    ];
    const family = fc.constantFrom<IpFamily>(4, 6);
    const words = fc.array(fc.constantFrom(...vocabulary), { maxLength: 14 });
    fc.assert(
      fc.property(words, family, (w, f) => {
        agrees(['-A', 'CHAIN', ...w], f);
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the general parser on arbitrary sequences of plausible clauses', () => {
    const clauses: string[][] = [
      ['-s', '10.0.0.1'],
      ['!', '-s', '10.0.0.0/8'],
      ['-d', '0.0.0.0/0'],
      ['!', '-d', '::1/128'],
      ['-d', 'fd00::1'],
      ['-p', 'tcp'],
      ['-p', 'udp'],
      ['!', '-p', 'tcp'],
      ['-p', 'all'],
      ...['comment', 'tcp', 'udp', 'statistic', 'recent', 'mark', 'conntrack'].map((m) => [
        '-m',
        m,
      ]),
      ...['addrtype', 'nfacct', 'multiport', 'sctp', 'icmp'].map((m) => ['-m', m]),
      ['--comment', 'ns/svc:p80'],
      ['--comment', 'a "quoted" \\ text'],
      ['--dport', '80'],
      ['!', '--dport', '80'],
      ['--sport', '0:65535'],
      ['--syn'],
      ['--tcp-flags', 'SYN,ACK', 'SYN'],
      ['--mode', 'random'],
      ['--probability', '0.3333333333'],
      ['--mode', 'nth', '--every', '2'],
      ['--name', 'KUBE-SEP-X', '--set'],
      ['--rcheck', '--seconds', '10800', '--reap'],
      ['--mark', '0x4000/0x4000'],
      ['!', '--mark', '0x4000/0x4000'],
      ['--ctstate', 'RELATED,ESTABLISHED'],
      ['!', '--ctstate', 'INVALID'],
      ['--dst-type', 'LOCAL'],
      ['--src-type', 'LOCAL'],
      ['--nfacct-name', 'localhost_nps_accepted_pkts'],
      ['--dports', '80,443'],
      ['-j', 'KUBE-MARK-MASQ'],
      ['-j', 'ACCEPT'],
      ['-j', 'REJECT'],
      ['-j', 'DNAT', '--to-destination', '10.0.0.1:80'],
      ['-j', 'DNAT', '--to-destination', '[fd00::1]:80'],
      ['-j', 'MARK', '--or-mark', '0x4000'],
      ['-j', 'MARK', '--xor-mark', '0x4000'],
      ['-j', 'MASQUERADE', '--random-fully'],
      ['-j', 'SNAT', '--to-source', '10.0.0.1'],
    ];
    const family = fc.constantFrom<IpFamily>(4, 6);
    const rule = fc.array(fc.constantFrom(...clauses), { maxLength: 8 }).map((c) => c.flat());
    let fast = 0;
    fc.assert(
      fc.property(rule, family, (w, f) => {
        if (agrees(['-A', 'CHAIN', ...w], f) === 'fast') fast++;
      }),
      { numRuns: 20_000 },
    );
    expect(fast).toBeGreaterThan(2_000); // the fast path is exercised, not just declined
  });
});
