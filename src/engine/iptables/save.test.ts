import { describe, expect, test } from 'vitest';
import { applyCommand } from './command.ts';
import type { Ruleset, TableName } from './ruleset.ts';
import { emptyRuleset } from './ruleset.ts';
import { renderS, renderSave } from './save.ts';
import { splitRuleLine } from './words.ts';

function run(commands: readonly (readonly [TableName, string])[]): Ruleset {
  let r = emptyRuleset();
  for (const [table, line] of commands) {
    const next = applyCommand(r, table, splitRuleLine(line));
    if (!next.ok) throw new Error(`${line}: ${next.error.message}`);
    r = next.value;
  }
  return r;
}

const STATE = run([
  ['mangle', '-N KUBE-PROXY-CANARY'],
  ['nat', '-N KUBE-PROXY-CANARY'],
  ['filter', '-N KUBE-PROXY-CANARY'],
  ['filter', '-N b-chain'],
  ['filter', '-N A-CHAIN'],
  ['filter', '-N KUBE-FIREWALL'],
  ['filter', '-A KUBE-FIREWALL -d 127.0.0.0/8 ! -s 127.0.0.0/8 -j DROP'],
  ['filter', '-A b-chain -j RETURN'],
  ['filter', '-A OUTPUT -j KUBE-FIREWALL'],
  ['filter', '-I INPUT -j KUBE-FIREWALL'],
  ['filter', '-P FORWARD DROP'],
]);

describe('renderSave', () => {
  test('tables in use, in iptables-nft-save order; chains built-in first, then sorted', () => {
    expect(renderSave(STATE)).toBe(
      [
        '*mangle',
        ':PREROUTING ACCEPT [0:0]',
        ':INPUT ACCEPT [0:0]',
        ':FORWARD ACCEPT [0:0]',
        ':OUTPUT ACCEPT [0:0]',
        ':POSTROUTING ACCEPT [0:0]',
        ':KUBE-PROXY-CANARY - [0:0]',
        'COMMIT',
        '*filter',
        ':INPUT ACCEPT [0:0]',
        ':FORWARD DROP [0:0]',
        ':OUTPUT ACCEPT [0:0]',
        ':A-CHAIN - [0:0]',
        ':KUBE-FIREWALL - [0:0]',
        ':KUBE-PROXY-CANARY - [0:0]',
        ':b-chain - [0:0]',
        '-A INPUT -j KUBE-FIREWALL',
        '-A OUTPUT -j KUBE-FIREWALL',
        '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -j DROP',
        '-A b-chain -j RETURN',
        'COMMIT',
        '*nat',
        ':PREROUTING ACCEPT [0:0]',
        ':INPUT ACCEPT [0:0]',
        ':OUTPUT ACCEPT [0:0]',
        ':POSTROUTING ACCEPT [0:0]',
        ':KUBE-PROXY-CANARY - [0:0]',
        'COMMIT',
        '',
      ].join('\n'),
    );
  });

  test('explicit tables, even unused ones', () => {
    expect(renderSave(STATE, ['raw'])).toBe(
      '*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n',
    );
    expect(renderSave(emptyRuleset())).toBe('');
  });

  test('-c: counters before each rule', () => {
    expect(renderSave(STATE, ['filter'], { counters: true })).toContain(
      '[0:0] -A INPUT -j KUBE-FIREWALL\n',
    );
  });
});

describe('renderS (iptables -t TABLE -S)', () => {
  test('-P, -N sorted, then the same -A lines as iptables-save', () => {
    expect(renderS(STATE, 'filter')).toBe(
      [
        '-P INPUT ACCEPT',
        '-P FORWARD DROP',
        '-P OUTPUT ACCEPT',
        '-N A-CHAIN',
        '-N KUBE-FIREWALL',
        '-N KUBE-PROXY-CANARY',
        '-N b-chain',
        '-A INPUT -j KUBE-FIREWALL',
        '-A OUTPUT -j KUBE-FIREWALL',
        '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -j DROP',
        '-A b-chain -j RETURN',
        '',
      ].join('\n'),
    );
    const saveRules = renderSave(STATE, ['filter'])
      .split('\n')
      .filter((l) => l.startsWith('-A'));
    const sRules = renderS(STATE, 'filter')
      .split('\n')
      .filter((l) => l.startsWith('-A'));
    expect(sRules).toEqual(saveRules);
  });
});
