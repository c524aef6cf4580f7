import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goldenNodeOf } from '../golden-scenarios.ts';
import { compileScenario, renderNodeRules } from '../index.ts';
import type { IpFamily } from '../net/ip.ts';
import { formatRuleSave } from './format-rule.ts';
import { parseRuleSpec } from './parse-rule.ts';
import { parseRuleFast } from './parse-rule-fast.ts';
import { saveRuleLine, type RuleLineInfo } from './save-rule-line.ts';
import { quoteWord, splitRuleLine } from './words.ts';

const ROOT = join(import.meta.dirname, '../../..');

const ruleLines = (text: string) => text.split('\n').filter((l) => l.startsWith('-A '));

function strings(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (Array.isArray(x)) for (const v of x) strings(v, out);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) strings(v, out);
  return out;
}

/** kube-proxy's input and iptables-save's output of every golden scenario's nodes. */
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

/** Every rule line of the conformance cases, with the case's family. */
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

/**
 * saveRuleLine gives what formatRuleSave prints for the rule the general parser reads, with the
 * same target, or null; it never gives a line the general parser refuses.
 */
function agrees(words: readonly string[], family: IpFamily): 'fast' | 'declined' {
  const info: RuleLineInfo = { chain: '', targetKind: null, targetName: '' };
  const saved = saveRuleLine(words.map(quoteWord).join(' '), family, info);
  if (saved === null) return 'declined';
  const general = parseRuleSpec(words.slice(2), family);
  expect(general.ok, words.join(' ')).toBe(true);
  if (!general.ok) return 'fast';
  const rule = general.value.rule;
  expect(saved).toBe(formatRuleSave(words[1]!, rule));
  expect(info).toEqual({
    chain: words[1],
    targetKind: rule.target?.kind ?? null,
    targetName: rule.target?.name ?? '',
  });
  return 'fast';
}

describe('saveRuleLine', () => {
  it('prints every rule of the golden scenarios as formatRuleSave does', () => {
    const lines = goldenLines();
    expect(lines.length).toBeGreaterThan(500);
    for (const line of lines) expect(agrees(splitRuleLine(line), 4), line).toBe('fast');
  });

  it('prints every rule of the conformance cases as formatRuleSave does', () => {
    const lines = conformanceLines();
    expect(lines.length).toBeGreaterThan(500);
    for (const [family, line] of lines) {
      expect(agrees(splitRuleLine(line), family), line).toBe('fast');
    }
  });

  it('reads what parseRuleFast reads (and -i/-o), one shape read many ways', () => {
    const lines = [
      '-A X -m comment --comment "a b" -m tcp -p tcp -d 10.96.0.1 --dport 80 -j KUBE-SVC-A',
      '-A X -m comment --comment "c d" -m tcp -p tcp -d 10.96.0.010 --dport 81 -j KUBE-SVC-B',
      '-A X -m comment --comment "c d" -m tcp -p tcp -d 10.96.0.0/8 --dport 0:65535 -j ACCEPT',
      '-A X -m comment --comment "-looks like an option" -j KUBE-SVC-B',
      '-A X ! -i cali+ -o + -s 0.0.0.0/0 -j RETURN',
      '-A X -j DNAT -p tcp --to-destination 10.0.0.1:80',
      '-A X -p udp -j DNAT --to-destination 10.0.0.1:80',
      '-A X -p all -j DNAT --to-destination 10.0.0.1:80',
    ];
    const got = lines.map((l) => agrees(splitRuleLine(l), 4));
    expect(got).toEqual(['fast', 'fast', 'fast', 'declined', 'fast', 'fast', 'fast', 'declined']);
    // The same shape again, now with a value the module refuses.
    expect(saveRuleLine('-A X -p tcp -m tcp --dport 70000 -j DROP', 4)).toBeNull();
    expect(agrees(splitRuleLine('-A X -p tcp -m tcp --dport 7000 -j DROP'), 4)).toBe('fast');
  });

  it('agrees with the general parser or declines, on arbitrary word lists', () => {
    const vocabulary = [
      ...['!', '-s', '-d', '-p', '-m', '-j', '-g', '-i', '-o', '-c', '-f', '--source', '--dport'],
      ...['--sport', '--dport=80', '--comment', '--mark', '--set-xmark', '--to-destination'],
      ...['--mode', '--probability', '--every', '--name', '--set', '--rcheck', '--seconds'],
      ...['--reap', '--ctstate', '--dst-type', '--src-type', '--nfacct-name', '--or-mark'],
      ...['--random-fully', '--tcp-flags', '--syn', '--dp', '--reject-with', '--to-ports'],
      ...['tcp', 'udp', 'sctp', 'icmp', 'all', 'comment', 'statistic', 'recent', 'mark'],
      ...['conntrack', 'addrtype', 'nfacct', 'multiport', 'MARK', 'DNAT', 'SNAT', 'REJECT'],
      ...['MASQUERADE', 'ACCEPT', 'DROP', 'RETURN', 'KUBE-SVC-X', 'QUEUE', 'random', 'nth'],
      ...['10.0.0.1', '10.0.0.0/8', '0.0.0.0/0', 'fd00::1', '::1/128', '80', '1:2', '0x4000'],
      ...['0x4000/0x4000', '0.5000000000', '10.0.0.1:80', 'LOCAL', 'NEW,ESTABLISHED', ''],
      ...['SYN,ACK', 'SYN', 'a b', '-', '--', '1', 'eth0', 'veth+', '+', '010.0.0.1', '\u0000'],
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
      ['-s', '10.0.0.2'],
      ['!', '-s', '10.0.0.0/8'],
      ['-d', '0.0.0.0/0'],
      ['!', '-d', '::1/128'],
      ['-d', 'fd00::1'],
      ['-d', '10.96.0.001'],
      ['-i', 'eth0'],
      ['!', '-o', 'weave+'],
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
      ['--comment', 'ns/svc:p81 cluster IP'],
      ['--comment', 'a "quoted" \\ text'],
      ['--dport', '80'],
      ['--dport', '443'],
      ['!', '--dport', '80'],
      ['--sport', '0:65535'],
      ['--syn'],
      ['--tcp-flags', 'SYN,ACK', 'SYN'],
      ['--mode', 'random'],
      ['--probability', '0.3333333333'],
      ['--probability', '0.2000000000'],
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
      ['-j', 'KUBE-SEP-ABC'],
      ['-j', 'ACCEPT'],
      ['-j', 'REJECT'],
      ['-j', 'DNAT', '--to-destination', '10.0.0.1:80'],
      ['-j', 'DNAT', '--to-destination', '10.0.0.2:8080'],
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
        const words = ['-A', 'CHAIN', ...w];
        if (agrees(words, f) === 'fast') fast++;
        // What parseRuleFast reads, this prints (values that look like options, or that need
        // escapes in a restore line, aside).
        else if (
          !w.some((x, i) => (x.startsWith('-') && w[i - 1] === '--comment') || /["\\]/.test(x))
        ) {
          expect(parseRuleFast(words, 2, f)).toBeNull();
        }
      }),
      { numRuns: 20_000 },
    );
    expect(fast).toBeGreaterThan(2_000); // the fast path is exercised, not just declined
  });
});
