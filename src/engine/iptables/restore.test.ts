import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyCommand } from './command.ts';
import type { RestoreOptions } from './restore.ts';
import { applyRestore, declarationWords } from './restore.ts';
import type { Ruleset } from './ruleset.ts';
import { emptyRuleset } from './ruleset.ts';
import { renderSave } from './save.ts';

function restore(r: Ruleset, text: string, options: RestoreOptions = { noflush: true }): Ruleset {
  const next = applyRestore(r, text, options);
  if (!next.ok) throw new Error(`${next.error.summary}: ${next.error.reason}`);
  return next.value;
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;

const BASE = restore(
  emptyRuleset(),
  lines(
    '*nat',
    ':KUBE-SERVICES - [0:0]',
    ':KUBE-SVC-A - [0:0]',
    ':KUBE-SEP-A - [0:0]',
    '-A KUBE-SERVICES -m tcp -p tcp -d 10.96.0.1 --dport 443 -j KUBE-SVC-A',
    '-A KUBE-SVC-A -j KUBE-SEP-A',
    '-A KUBE-SEP-A -m tcp -p tcp -j DNAT --to-destination 192.168.0.2:6443',
    'COMMIT',
  ),
);

describe('applyRestore --noflush', () => {
  test('loads rules grouped per chain, chains sorted', () => {
    expect(renderSave(BASE)).toBe(
      lines(
        '*nat',
        ':PREROUTING ACCEPT [0:0]',
        ':INPUT ACCEPT [0:0]',
        ':OUTPUT ACCEPT [0:0]',
        ':POSTROUTING ACCEPT [0:0]',
        ':KUBE-SEP-A - [0:0]',
        ':KUBE-SERVICES - [0:0]',
        ':KUBE-SVC-A - [0:0]',
        '-A KUBE-SEP-A -p tcp -m tcp -j DNAT --to-destination 192.168.0.2:6443',
        '-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m tcp --dport 443 -j KUBE-SVC-A',
        '-A KUBE-SVC-A -j KUBE-SEP-A',
        'COMMIT',
      ),
    );
  });

  test('a :CHAIN line flushes that chain; chains not mentioned keep their rules', () => {
    const r = restore(
      BASE,
      lines('*nat', ':KUBE-SVC-A - [0:0]', '-A KUBE-SVC-A -j KUBE-SEP-A', 'COMMIT'),
    );
    expect(r.tables.nat.chains.get('KUBE-SVC-A')?.rules).toHaveLength(1);
    expect(r.tables.nat.chains.get('KUBE-SERVICES')?.rules).toHaveLength(1);
  });

  test('stale chains: flush then -X, as kube-proxy writes them', () => {
    const r = restore(
      BASE,
      lines(
        '*nat',
        ':KUBE-SERVICES - [0:0]',
        ':KUBE-SVC-A - [0:0]',
        ':KUBE-SEP-A - [0:0]',
        '-X KUBE-SVC-A',
        '-X KUBE-SEP-A',
        'COMMIT',
      ),
    );
    expect([...r.tables.nat.chains.keys()].filter((c) => c.startsWith('KUBE'))).toEqual([
      'KUBE-SERVICES',
    ]);
  });

  test('built-in chains: policy and counters set, rules kept', () => {
    const jumped = applyCommand(BASE, 'nat', ['-A', 'OUTPUT', '-j', 'KUBE-SERVICES']);
    expect(jumped.ok).toBe(true);
    const start = jumped.ok ? jumped.value : BASE;
    const text = lines('*nat', ':OUTPUT DROP [5:300]', 'COMMIT');
    const r = restore(start, text, { noflush: true, counters: true });
    const output = r.tables.nat.chains.get('OUTPUT');
    expect(output?.policy).toBe('DROP');
    expect(output?.counters).toEqual({ packets: 5, bytes: 300 });
    expect(output?.rules).toHaveLength(1);
  });

  test('rule counters only with --counters', () => {
    const text = lines(
      '*filter',
      '[7:420] -A INPUT -j ACCEPT',
      '-A INPUT -c 1 2 -j DROP',
      'COMMIT',
    );
    const withCounters = restore(emptyRuleset(), text, { counters: true });
    const without = restore(emptyRuleset(), text);
    expect(withCounters.tables.filter.chains.get('INPUT')?.rules.map((e) => e.counters)).toEqual([
      { packets: 7, bytes: 420 },
      { packets: 1, bytes: 2 },
    ]);
    expect(renderSave(withCounters, ['filter'], { counters: true })).toContain(
      '[7:420] -A INPUT -j ACCEPT\n',
    );
    expect(without.tables.filter.chains.get('INPUT')?.rules[0]?.counters).toEqual({
      packets: 0,
      bytes: 0,
    });
  });
});

describe('without --noflush the table is replaced', () => {
  test('rules and user chains go, policies stay unless set', () => {
    const r = restore(BASE, lines('*nat', ':KUBE-NEW - [0:0]', 'COMMIT'), {});
    expect([...r.tables.nat.chains.keys()]).toEqual([
      'PREROUTING',
      'INPUT',
      'OUTPUT',
      'POSTROUTING',
      'KUBE-NEW',
    ]);
  });
});

describe('all or nothing, with the failing line', () => {
  test.each([
    [
      lines('*nat', ':KUBE-SVC-B - [0:0]', '-A KUBE-SVC-B -j KUBE-SEP-NOPE', 'COMMIT'),
      3,
      "Couldn't load target `KUBE-SEP-NOPE':No such file or directory",
    ],
    [
      lines('*nat', '-X KUBE-SEP-A', 'COMMIT'),
      2,
      "iptables: Can't delete chain with references left.",
    ],
    [
      lines('*nat', ':KUBE-SERVICES - [0:0]', '-X KUBE-SVC-A', 'COMMIT'),
      3,
      'iptables: Chain is not empty.',
    ],
    [
      lines('*nat', '-A KUBE-SERVICES -m nosuch -j ACCEPT', 'COMMIT'),
      2,
      "Couldn't load match `nosuch':No such file or directory",
    ],
    [
      lines('*nat', '-t nat -A KUBE-SERVICES -j ACCEPT', 'COMMIT'),
      2,
      'The -t option (seen in line 2) cannot be used in iptables-restore.',
    ],
    [
      lines('*nat', ':FOO ACCEPT [0:0]', 'COMMIT'),
      2,
      "Can't set policy `ACCEPT' on `FOO': Bad built-in chain name",
    ],
    [lines('*bogus', 'COMMIT'), 1, "can't initialize iptables table `bogus'"],
    [
      lines('-A INPUT -j ACCEPT'),
      1,
      'rule or chain line outside a table (no *table line before it)',
    ],
    [
      lines('*filter', '-A INPUT -j DROP', '*nat', 'COMMIT'),
      3,
      'COMMIT expected before a new table (table filter is open)',
    ],
  ])('%j', (text, line, reason) => {
    const result = applyRestore(BASE, text, { noflush: true });
    expect(result.ok ? null : result.error).toEqual({
      line,
      summary: `iptables-restore: line ${line} failed`,
      reason,
    });
  });

  test('a missing COMMIT', () => {
    const result = applyRestore(BASE, lines('*filter', '-A INPUT -j DROP'), { noflush: true });
    expect(result.ok ? null : result.error).toEqual({
      line: 3,
      summary: 'iptables-restore: COMMIT expected at line 3',
      reason: 'COMMIT expected',
    });
  });

  test('earlier tables of a failed restore are not applied either', () => {
    const text = lines(
      '*filter',
      '-A INPUT -j DROP',
      'COMMIT',
      '*nat',
      '-A NOPE -j ACCEPT',
      'COMMIT',
    );
    expect(applyRestore(BASE, text, { noflush: true }).ok).toBe(false);
    expect(BASE.tables.filter.chains.get('INPUT')?.rules).toHaveLength(0);
  });

  test('the family must match', () => {
    const result = applyRestore(BASE, lines('*nat', 'COMMIT'), { family: 6 });
    expect(result.ok).toBe(false);
  });
});

describe('declarationWords', () => {
  test('splits a declaration line like trim().split(/\\s+/)', () => {
    const blanks = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\n', '');
    const word = fc.string({ maxLength: 6 });
    const line = fc.array(fc.tuple(blanks, word), { maxLength: 5 }).map((parts) => parts.flat());
    fc.assert(
      fc.property(line, blanks, (parts, tail) => {
        const text = `:${parts.join('')}${tail}`;
        expect(declarationWords(text)).toEqual(text.slice(1).trim().split(/\s+/));
      }),
      { numRuns: 5000 },
    );
    expect(declarationWords(':KUBE-SEP-A - [0:0]')).toEqual(['KUBE-SEP-A', '-', '[0:0]']);
    expect(declarationWords(':')).toEqual(['']);
  });
});
