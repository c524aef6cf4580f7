import { describe, expect, test } from 'vitest';
import { applyCommand } from './command.ts';
import type { Ruleset, TableName } from './ruleset.ts';
import { emptyRuleset } from './ruleset.ts';
import { renderS } from './save.ts';
import { splitRuleLine } from './words.ts';

/** Runs command lines in order; throws on the first error. */
function run(
  lines: readonly string[],
  table: TableName = 'filter',
  start = emptyRuleset(),
): Ruleset {
  let r = start;
  for (const line of lines) {
    const next = applyCommand(r, table, splitRuleLine(line));
    if (!next.ok) throw new Error(`${line}: ${next.error.message}`);
    r = next.value;
  }
  return r;
}

function failure(r: Ruleset, line: string, table: TableName = 'filter'): string | null {
  const next = applyCommand(r, table, splitRuleLine(line));
  return next.ok ? null : next.error.message;
}

describe('applyCommand', () => {
  test('-N, -A, -I with and without position, -R, -D by number and by rule', () => {
    const r = run([
      '-N FOO',
      '-A FOO -s 10.0.0.1 -j ACCEPT',
      '-A FOO -s 10.0.0.2 -j ACCEPT',
      '-I FOO -s 10.0.0.0 -j DROP',
      '-I FOO 3 -s 10.0.0.9 -j RETURN',
      '-R FOO 4 -s 10.0.0.4 -j ACCEPT',
      '-D FOO 1',
      '-D FOO -s 10.0.0.9/32 -j RETURN',
      '-A INPUT -j FOO',
    ]);
    expect(renderS(r, 'filter')).toBe(
      [
        '-P INPUT ACCEPT',
        '-P FORWARD ACCEPT',
        '-P OUTPUT ACCEPT',
        '-N FOO',
        '-A INPUT -j FOO',
        '-A FOO -s 10.0.0.1/32 -j ACCEPT',
        '-A FOO -s 10.0.0.4/32 -j ACCEPT',
        '',
      ].join('\n'),
    );
  });

  test('-P, -F, -X, -E, -Z, -C and a leading -t', () => {
    const r = run([
      '-t nat -N A',
      '-t nat -N B',
      '-t nat -A A -j B',
      '-t nat -P OUTPUT DROP',
      '-t nat -E B C',
    ]);
    expect(failure(r, '-X C', 'nat')).toBe("iptables: Can't delete chain with references left.");
    expect(renderS(r, 'nat')).toContain('-A A -j C\n');
    expect(failure(r, '-C A -j C', 'nat')).toBeNull();
    expect(failure(r, '-C A -j ACCEPT', 'nat')).toBe(
      'iptables: Bad rule (does a matching rule exist in that chain?).',
    );
    const cleared = run(['-F A', '-X', '-Z'], 'nat', r);
    expect(renderS(cleared, 'nat')).toBe(
      '-P PREROUTING ACCEPT\n-P INPUT ACCEPT\n-P OUTPUT DROP\n-P POSTROUTING ACCEPT\n',
    );
    expect(cleared.tables.nat.present).toBe(true);
    expect(cleared.tables.filter.present).toBe(false);
  });

  test('the input ruleset is left as it was', () => {
    const before = run(['-N FOO']);
    const after = run(['-A FOO -j ACCEPT'], 'filter', before);
    expect(before.tables.filter.chains.get('FOO')?.rules).toHaveLength(0);
    expect(after.tables.filter.chains.get('FOO')?.rules).toHaveLength(1);
  });

  test('errors in iptables words', () => {
    const r = run(['-N FOO', '-A FOO -j ACCEPT']);
    expect(failure(r, '-N FOO')).toBe('iptables: Chain already exists.');
    expect(failure(r, '-A NOPE -j ACCEPT')).toBe('iptables: No chain/target/match by that name.');
    expect(failure(r, '-A INPUT -j NOPE')).toBe(
      "Couldn't load target `NOPE':No such file or directory",
    );
    expect(failure(r, '-A INPUT -j OUTPUT')).toBe("cannot jump to built-in chain `OUTPUT'");
    expect(failure(r, '-I FOO 3 -j DROP')).toBe('iptables: Index of insertion too big.');
    expect(failure(r, '-D FOO 2')).toBe('iptables: Index of deletion too big.');
    expect(failure(r, '-R FOO 2 -j DROP')).toBe('iptables: Index of replacement too big.');
    expect(failure(r, '-X FOO')).toBe('iptables: Chain is not empty.');
    expect(failure(r, '-X INPUT')).toBe("iptables: Can't delete built-in chain.");
    expect(failure(r, '-P FOO DROP')).toBe('iptables: Bad built-in chain name.');
    expect(failure(r, '-P INPUT REJECT')).toBe("Bad policy name `REJECT'");
    expect(failure(r, '-N ACCEPT')).toBe('chain name may not clash with target name');
    expect(failure(r, '-N ABCDEFGHIJKLMNOPQRSTUVWXYZ123')).toBe(
      "chain name `ABCDEFGHIJKLMNOPQRSTUVWXYZ123' too long (must be under 29 chars)",
    );
    expect(failure(r, '-A FOO -p tcp -j DNAT --to-destination 10.0.0.1:80')).toBe(
      'x_tables: ip_tables: DNAT target: only valid in nat table, not filter',
    );
    expect(failure(r, '-t bogus -N X')).toBe(
      "can't initialize iptables table `bogus': Table does not exist (do you need to insmod?)",
    );
    expect(failure(r, '-A')).toBe('option "-A" requires an argument');
  });
});
