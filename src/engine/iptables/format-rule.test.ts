import { describe, expect, test } from 'vitest';
import { formatRuleRestore, formatRuleSave } from './format-rule.ts';
import { parseRuleArgs } from './parse-rule.ts';
import { splitRuleLine } from './words.ts';

function parseLine(line: string, family: 4 | 6 = 4) {
  const words = splitRuleLine(line);
  const parsed = parseRuleArgs(words.slice(2), family);
  if (!parsed.ok) throw new Error(`${line}: ${parsed.error.message}`);
  return { chain: words[1] as string, rule: parsed.value };
}

describe('the header comes first in fixed order, then matches in load order', () => {
  test('-s -d -i -o -p -f', () => {
    const { chain, rule } = parseLine(
      '-A X -f -p udp -o eth1 -i eth0 -d 10.0.0.2 -s 10.0.0.1 -j ACCEPT',
    );
    expect(formatRuleSave(chain, rule)).toBe(
      '-A X -s 10.0.0.1/32 -d 10.0.0.2/32 -i eth0 -o eth1 -p udp -f -j ACCEPT',
    );
  });

  test('no target: the line ends with the last match', () => {
    const { chain, rule } = parseLine(
      '-A KUBE-FW-X -m comment --comment "other traffic will be dropped"',
    );
    expect(formatRuleSave(chain, rule)).toBe(
      '-A KUBE-FW-X -m comment --comment "other traffic will be dropped"',
    );
  });
});

describe('formatRuleRestore', () => {
  test('restore form quotes only what needs quoting', () => {
    const { chain, rule } = parseLine(
      '-A X -m comment --comment "a b" -m nfacct --nfacct-name n -j ACCEPT',
    );
    expect(formatRuleRestore(chain, rule)).toBe(
      '-A X -m comment --comment "a b" -m nfacct --nfacct-name n -j ACCEPT',
    );
  });
});
