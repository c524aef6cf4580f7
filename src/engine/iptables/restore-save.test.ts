import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IpFamily } from '../net/ip.ts';
import { applyCommand } from './command.ts';
import { applyRestore } from './restore.ts';
import {
  printSavedTables,
  printSavedTablesS,
  restoreSavedTables,
  type RestoreBlock,
} from './restore-save.ts';
import { emptyRuleset, TABLE_NAMES, type Ruleset, type TableName } from './ruleset.ts';
import { renderS, renderSave } from './save.ts';
import { splitRuleLine } from './words.ts';

/** The blocks as iptables-restore input, the way kube-proxy's document prints them. */
function restoreText(blocks: readonly RestoreBlock[]): string {
  let text = '';
  for (const b of blocks) {
    text += `*${b.table}\n`;
    for (const c of b.chains) text += `:${c} - [0:0]\n`;
    b.eachLine((l) => {
      text += `${l}\n`;
      return true;
    });
    text += 'COMMIT\n';
  }
  return text;
}

/**
 * restoreSavedTables prints what applyRestore + renderSave / renderS print, or declines; it never
 * accepts a document applyRestore refuses.
 */
function agrees(base: Ruleset, blocks: readonly RestoreBlock[]): 'fast' | 'declined' {
  const saved = restoreSavedTables(base, blocks);
  const general = applyRestore(base, restoreText(blocks), { noflush: true, counters: true });
  if (!general.ok) {
    expect(saved, general.error.reason).toBeNull();
    return 'declined';
  }
  if (!saved) return 'declined';
  expect(printSavedTables(saved)).toBe(renderSave(general.value));
  for (const t of TABLE_NAMES) {
    expect(printSavedTables(saved, [t])).toBe(renderSave(general.value, [t]));
    expect(printSavedTablesS(saved, t)).toBe(renderS(general.value, t));
  }
  return 'fast';
}

function run(ruleset: Ruleset, commands: readonly [TableName, string][]): Ruleset {
  let rs = ruleset;
  for (const [table, line] of commands) {
    const r = applyCommand(rs, table, splitRuleLine(line));
    if (!r.ok) throw new Error(`${line}: ${r.error.message}`);
    rs = r.value;
  }
  return rs;
}

/** A node with some chains and rules already (as kube-proxy's jumps or a CNI leave them). */
const BASE = run(emptyRuleset(), [
  ['nat', '-N KUBE-SERVICES'],
  ['nat', '-N KUBE-SVC-OLD'],
  ['nat', '-A KUBE-SVC-OLD -j KUBE-SERVICES'],
  ['nat', '-I PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES'],
  ['filter', '-N KUBE-FORWARD'],
  ['filter', '-A KUBE-FORWARD -j ACCEPT'],
  ['filter', '-A FORWARD -j KUBE-FORWARD'],
  ['mangle', '-N KUBE-PROXY-CANARY'],
  ['filter', '-P FORWARD DROP'],
]);

/** `eachLine` of a block with these lines. */
const lines =
  (...texts: string[]): RestoreBlock['eachLine'] =>
  (visit) =>
    texts.every(visit);

describe('restoreSavedTables', () => {
  it('flushes declared chains, keeps the others, prints chains sorted', () => {
    const blocks: RestoreBlock[] = [
      {
        table: 'nat',
        chains: ['KUBE-SERVICES', 'KUBE-SVC-OLD', 'KUBE-SEP-B', 'KUBE-SEP-A'],
        eachLine: lines(
          '-A KUBE-SERVICES -m comment --comment "a b" -m tcp -p tcp -d 10.96.0.1 --dport 80 -j KUBE-SVC-OLD',
          '-A KUBE-SVC-OLD -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-A',
          '-A KUBE-SVC-OLD -j KUBE-SEP-B',
          '-A KUBE-SEP-A -s 10.0.0.1 -j MARK --or-mark 0x4000',
          '-A KUBE-SERVICES -m comment --comment "c d" -m tcp -p tcp -d 10.96.0.2 --dport 80 -j KUBE-SVC-OLD',
          '-A KUBE-SEP-B -p tcp -j DNAT --to-destination 10.0.0.2:8080',
          '-A KUBE-SEP-A -p tcp -m comment --comment ns/a -m tcp -j DNAT --to-destination 10.0.0.1:8080',
        ),
      },
      { table: 'filter', chains: [], eachLine: lines('-A FORWARD -p udp -j REJECT') },
    ];
    expect(agrees(BASE, blocks)).toBe('fast');
  });

  it('leaves to applyRestore what it does not check itself', () => {
    const nat = (chains: string[], ...texts: string[]): RestoreBlock[] => [
      { table: 'nat', chains, eachLine: lines(...texts) },
    ];
    const declined = [
      nat(['KUBE-X'], '-X KUBE-X'), // deletions
      nat(['KUBE-X'], '-I KUBE-X 1 -j ACCEPT'), // other commands
      nat(['KUBE-X'], '[0:0] -A KUBE-X -j ACCEPT'), // counters
      nat(['KUBE-X'], '-A KUBE-X -j KUBE-MISSING'), // a jump to a missing chain
      nat(['KUBE-X'], '-A KUBE-MISSING -j ACCEPT'), // a missing chain
      nat(['KUBE-X'], '-A KUBE-X -j PREROUTING'), // a jump to a built-in chain
      nat(['INPUT']), // a built-in chain declared
      nat(['ACCEPT']), // a bad name
      nat(['KUBE-X'], '-A KUBE-X -t nat -j ACCEPT'),
      nat(['KUBE-X'], '-A KUBE-X --proto tcp -j ACCEPT'), // only the general parser reads it
      nat(['KUBE-X'], '-A KUBE-X -j ACCEPT '), // trailing blank
      [...nat([]), ...nat([])], // a table twice
      [
        {
          table: 'filter',
          chains: [],
          eachLine: lines('-A INPUT -p tcp -j DNAT --to-destination 1.2.3.4:5'),
        },
      ],
    ] satisfies RestoreBlock[][];
    for (const blocks of declined) {
      expect(agrees(BASE, blocks), restoreText(blocks)).toBe('declined');
      expect(restoreSavedTables(BASE, blocks)).toBeNull();
    }
  });

  it('agrees with applyRestore + renderSave/renderS on random documents', () => {
    const names = ['KUBE-A', 'KUBE-B', 'KUBE-SERVICES', 'KUBE-SVC-OLD', 'KUBE-FORWARD'];
    const chain = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...names) },
      { weight: 1, arbitrary: fc.constantFrom('INPUT', 'PREROUTING', 'OUTPUT', 'KUBE-MISSING') },
    );
    const clause = fc.constantFrom(
      ['-s', '10.0.0.1'],
      ['!', '-s', '10.0.0.0/8'],
      ['-d', '10.96.0.1'],
      ['-d', 'fd00::1'],
      ['-i', 'eth0'],
      ['-p', 'tcp'],
      ['-p', 'udp'],
      ['-m', 'comment', '--comment', '"a b"'],
      ['-m', 'comment', '--comment', 'ns/x:p'],
      ['-m', 'tcp', '--dport', '80'],
      ['-m', 'statistic', '--mode', 'random', '--probability', '0.2000000000'],
      ['-m', 'mark', '!', '--mark', '0x4000/0x4000'],
      ['-m', 'conntrack', '--ctstate', 'NEW'],
      ['-m', 'addrtype', '--dst-type', 'LOCAL'],
      ['-m', 'recent', '--name', 'KUBE-A', '--set'],
    );
    const target = fc.oneof(
      chain.map((c) => ['-j', c]),
      fc.constantFrom(
        ['-j', 'ACCEPT'],
        ['-j', 'REJECT'],
        ['-j', 'DNAT', '--to-destination', '10.0.0.1:80'],
        ['-j', 'MASQUERADE', '--random-fully'],
        ['-j', 'MARK', '--xor-mark', '0x4000'],
        ['-g', 'KUBE-A'],
        [],
      ),
    );
    const rule = fc
      .tuple(chain, fc.array(clause, { maxLength: 4 }), target)
      .map(([c, cl, t]) => ['-A', c, ...cl.flat(), ...t].join(' '));
    const line = fc.oneof(
      { weight: 40, arbitrary: rule },
      { weight: 1, arbitrary: chain.map((c) => `-X ${c}`) },
      { weight: 1, arbitrary: fc.constantFrom('', '# note', '-A KUBE-A -j ACCEPT  ') },
    );
    const block = fc.record({
      table: fc.constantFrom<TableName>('nat', 'filter', 'nat', 'filter', 'mangle'),
      chains: fc.oneof(
        { weight: 6, arbitrary: fc.shuffledSubarray(names, { minLength: 3 }) },
        { weight: 1, arbitrary: fc.constantFrom(['INPUT'], ['bad name'], []) },
      ),
      eachLine: fc.array(line, { maxLength: 8 }).map((texts) => lines(...texts)),
    });
    const family = fc.constantFrom<IpFamily>(4, 4, 4, 6);
    let fast = 0;
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 2 }),
        fc.boolean(),
        family,
        (b, onBase, f) => {
          const base = onBase && f === 4 ? BASE : emptyRuleset(f);
          if (agrees(base, b) === 'fast') fast++;
        },
      ),
      { numRuns: 6_000 },
    );
    expect(fast).toBeGreaterThan(400); // most random documents are refused: enough are not
  });
});
