/**
 * Conformance against real iptables-save v1.8.9 output: for every kube-proxy fixture, load an empty
 * namespace the way the fixture was made (canary chains, kube-proxy's jump rules, then its restore
 * input with --noflush) and compare renderSave with what iptables-save printed, byte for byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { IpFamily } from '../net/ip.ts';
import { applyCommand } from './command.ts';
import { formatRuleRestore, formatRuleSave, ruleArgs } from './format-rule.ts';
import { parseRuleArgs } from './parse-rule.ts';
import { applyRestore } from './restore.ts';
import type { Ruleset, TableName } from './ruleset.ts';
import { emptyRuleset } from './ruleset.ts';
import { renderSave } from './save.ts';
import { parseSave } from './parse-save.ts';
import { splitRuleLine } from './words.ts';

/** Where the kube-proxy conformance cases live (Apache-2.0 test data). */
const FIXTURE_DIR = '/work/shared/fixtures/kube-proxy';
/** Docker/Weave/Flannel rules in iptables-save form (datapath.md §1.4, §4.5, §5.1). */
const DATAPATH_SPEC = '/work/shared/spec/datapath.md';

interface Fixture {
  readonly name: string;
  readonly config: { readonly ipFamily: 'IPv4' | 'IPv6' };
  readonly derived: {
    readonly restoreInput: string;
    readonly iptablesSave: { readonly filter: string; readonly nat: string };
  };
  readonly steps?: readonly {
    readonly name: string;
    readonly derived?: { readonly restoreInput?: string };
  }[];
}

/** kube-proxy's jump rules (spec §4.12, rules 1–14), each inserted at position 1 in this order. */
const JUMP_RULES: readonly (readonly [TableName, string, string])[] = [
  [
    'filter',
    'INPUT',
    '-m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
  ],
  [
    'filter',
    'FORWARD',
    '-m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
  ],
  [
    'filter',
    'INPUT',
    '-m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS',
  ],
  [
    'filter',
    'FORWARD',
    '-m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
  ],
  [
    'filter',
    'OUTPUT',
    '-m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
  ],
  ['filter', 'FORWARD', '-m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD'],
  [
    'filter',
    'INPUT',
    '-m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
  ],
  [
    'filter',
    'OUTPUT',
    '-m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
  ],
  [
    'filter',
    'FORWARD',
    '-m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
  ],
  ['nat', 'OUTPUT', '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES'],
  ['nat', 'PREROUTING', '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES'],
  ['nat', 'POSTROUTING', '-m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING'],
  // 13/14: every fixture, the IPv6 one included, shows them (the chain is created if missing).
  ['filter', 'INPUT', '-j KUBE-FIREWALL'],
  ['filter', 'OUTPUT', '-j KUBE-FIREWALL'],
];

function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(`${FIXTURE_DIR}/${f}`, 'utf8')) as Fixture);
}

function familyOf(f: Fixture): IpFamily {
  return f.config.ipFamily === 'IPv6' ? 6 : 4;
}

function command(r: Ruleset, table: TableName, words: readonly string[]): Ruleset {
  const next = applyCommand(r, table, words);
  if (!next.ok) throw new Error(`${words.join(' ')}: ${next.error.message}`);
  return next.value;
}

/** An empty namespace after kube-proxy's start-up: canaries and jump rules. */
function bootedRuleset(family: IpFamily): Ruleset {
  let r = emptyRuleset(family);
  for (const table of ['mangle', 'nat', 'filter'] as const)
    r = command(r, table, ['-N', 'KUBE-PROXY-CANARY']);
  for (const [table, chain, rule] of JUMP_RULES) {
    const words = splitRuleLine(rule);
    const target = words.at(-1) as string;
    if (!r.tables[table].chains.has(target)) r = command(r, table, ['-N', target]);
    r = command(r, table, ['-I', chain, '1', ...words]);
  }
  return r;
}

function restore(r: Ruleset, text: string): Ruleset {
  const next = applyRestore(r, text, { noflush: true, counters: true });
  if (!next.ok) throw new Error(`${next.error.summary}: ${next.error.reason}`);
  return next.value;
}

const fixtures = loadFixtures();

test('the fixture directory holds cases', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(15);
});

describe.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
  const family = familyOf(fixture);
  const loaded = restore(bootedRuleset(family), fixture.derived.restoreInput);

  test('renderSave(filter) equals iptables-save', () => {
    expect(renderSave(loaded, ['filter'])).toBe(fixture.derived.iptablesSave.filter);
  });

  test('renderSave(nat) equals iptables-save', () => {
    expect(renderSave(loaded, ['nat'])).toBe(fixture.derived.iptablesSave.nat);
  });

  test('every saved rule line parses and prints back unchanged', () => {
    const save = fixture.derived.iptablesSave;
    for (const line of `${save.filter}${save.nat}`.split('\n').filter((l) => l.startsWith('-A '))) {
      const words = splitRuleLine(line);
      const rule = parseRuleArgs(words.slice(2), family);
      expect(rule.ok ? formatRuleSave(words[1] as string, rule.value) : rule.error).toBe(line);
    }
  });

  test('parseSave reads the saved text back to the same output', () => {
    const text = fixture.derived.iptablesSave.filter + fixture.derived.iptablesSave.nat;
    const parsed = parseSave(text, family);
    expect(parsed.ok && renderSave(parsed.value, ['filter', 'nat'])).toBe(text);
  });

  test.each((fixture.steps ?? []).map((s) => [s.name, s.derived?.restoreInput] as const))(
    'step "%s" applies on top and equals a fresh full sync',
    (_step, input) => {
      if (!input) return;
      const onTop = restore(loaded, input);
      const fresh = restore(bootedRuleset(family), input);
      expect(renderSave(onTop, ['filter', 'nat'])).toBe(renderSave(fresh, ['filter', 'nat']));
    },
  );
});

function parseLine(line: string, family: IpFamily = 4) {
  const words = splitRuleLine(line);
  const parsed = parseRuleArgs(words.slice(2), family);
  if (!parsed.ok) throw new Error(`${line}: ${parsed.error.message}`);
  return { chain: words[1] as string, rule: parsed.value };
}

/** Every `-A` line of the saved tables and of the restore inputs. */
function fixtureLines(): { line: string; family: IpFamily }[] {
  return fixtures.flatMap((f) => {
    const text = `${f.derived.restoreInput}${f.derived.iptablesSave.filter}${f.derived.iptablesSave.nat}`;
    const lines = text.split('\n').filter((l) => l.startsWith('-A '));
    return lines.map((line) => ({ line, family: familyOf(f) }));
  });
}

describe('ruleArgs and formatRuleRestore give back the same rule', () => {
  const lines = fixtureLines();

  test('fixture lines', () => {
    expect(lines.length).toBeGreaterThan(400);
    for (const { line, family } of lines) {
      const { chain, rule } = parseLine(line, family);
      const again = parseRuleArgs(ruleArgs(rule), family);
      expect(again.ok && again.value).toEqual(rule);
      const restored = parseLine(formatRuleRestore(chain, rule), family);
      expect(restored.rule).toEqual(rule);
      expect(restored.chain).toBe(chain);
    }
  });
});

describe("datapath.md's Docker, Weave and Flannel rules (iptables-save form)", () => {
  const lines = readFileSync(DATAPATH_SPEC, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('-A '));

  test('there are such lines', () => expect(lines.length).toBeGreaterThan(50));

  test("each one prints back unchanged, except the unescaped quote in Weave's comment", () => {
    for (const line of lines) {
      const { chain, rule } = parseLine(line);
      // iptables-save escapes ' inside quotes (real Weave dumps show \'-j KUBE-FORWARD\').
      expect(formatRuleSave(chain, rule)).toBe(line.replace(/'/g, "\\'"));
    }
  });
});
