/** One canonical example per registered module: what iptables-save prints for a given input. */
import { describe, expect, test } from 'vitest';
import type { IpFamily } from '../net/ip.ts';
import { formatRuleSave } from './format-rule.ts';
import { parseRuleArgs } from './parse-rule.ts';
import { MATCHES, TARGETS } from './registry.ts';
import { splitRuleLine } from './words.ts';

function save(args: string, family: IpFamily = 4): string {
  const parsed = parseRuleArgs(splitRuleLine(args), family);
  if (!parsed.ok) throw new Error(`${args}: ${parsed.error.index} ${parsed.error.message}`);
  return formatRuleSave('X', parsed.value).slice('-A X '.length);
}

const EXAMPLES: readonly (readonly [string, string, string])[] = [
  [
    'addrtype',
    '-m addrtype --dst-type local,UNICAST --limit-iface-in',
    '-m addrtype --dst-type UNICAST,LOCAL --limit-iface-in',
  ],
  ['comment', '-m comment --comment "a \\"b\\""', '-m comment --comment "a \\"b\\""'],
  [
    'conntrack',
    '-m conntrack --ctdir reply --ctstatus ASSURED,EXPECTED --ctstate ESTABLISHED,RELATED,NEW --ctorigdstport 80:81 --ctorigdst 10.0.0.1 --ctproto tcp --ctreplsrc 10.1.0.0/16 --ctexpire 5:10',
    '-m conntrack --ctstate NEW,RELATED,ESTABLISHED --ctproto 6 --ctorigdst 10.0.0.1 --ctreplsrc 10.1.0.0/16 --ctorigdstport 80:81 --ctstatus EXPECTED,ASSURED --ctexpire 5:10 --ctdir REPLY',
  ],
  ['icmp', '-p icmp -m icmp ! --icmp-type port-unreachable', '-p icmp -m icmp ! --icmp-type 3/3'],
  [
    'iprange',
    '-m iprange ! --dst-range 10.0.0.9 --src-range 10.0.0.1-10.0.0.5',
    '-m iprange --src-range 10.0.0.1-10.0.0.5 ! --dst-range 10.0.0.9-10.0.0.9',
  ],
  ['mark', '-m mark --mark 0x1/0xffffffff', '-m mark --mark 0x1'],
  [
    'multiport',
    '-p tcp -m multiport ! --source-ports 80,443,8000:8080',
    '-p tcp -m multiport ! --sports 80,443,8000:8080',
  ],
  [
    'nfacct',
    '-m nfacct --nfacct-name ct_state_invalid_dropped_pkts',
    '-m nfacct --nfacct-name  ct_state_invalid_dropped_pkts',
  ],
  [
    'physdev',
    '-m physdev --physdev-is-bridged --physdev-out vethwe-bridge ! --physdev-is-in',
    '-m physdev ! --physdev-is-in --physdev-out vethwe-bridge --physdev-is-bridged',
  ],
  [
    'recent',
    '-m recent --rdest --name X --hitcount 3 --seconds 60 --update --rttl --mask 255.255.255.0',
    '-m recent --update --seconds 60 --hitcount 3 --rttl --name X --mask 255.255.255.0 --rdest',
  ],
  ['sctp', '-p sctp -m sctp --dport 0:65535', '-p sctp -m sctp --dport 0:65535'],
  [
    'set',
    '-m set ! --match-set weave-x src,dst --return-nomatch',
    '-m set ! --match-set weave-x src,dst --return-nomatch',
  ],
  ['state', '-m state --state established,new', '-m state --state NEW,ESTABLISHED'],
  [
    'statistic',
    '-m statistic --mode nth ! --every 3 --packet 1',
    '-m statistic --mode nth ! --every 3 --packet 1',
  ],
  [
    'tcp',
    '-p tcp -m tcp --tcp-flags syn,ack ALL --sport 1024: --dport 0:65535 --tcp-option 2',
    '-p tcp -m tcp --sport 1024:65535 --tcp-option 2 --tcp-flags SYN,ACK FIN,SYN,RST,PSH,ACK,URG',
  ],
  ['udp', '-p udp -m udp --sport 53 --dport :1023', '-p udp -m udp --sport 53 --dport 0:1023'],
  [
    'DNAT',
    '-p tcp -j DNAT --to-destination 10.0.0.1-10.0.0.3:8000-8010 --persistent --random',
    '-p tcp -j DNAT --to-destination 10.0.0.1-10.0.0.3:8000-8010 --random --persistent',
  ],
  [
    'LOG',
    '-j LOG --log-uid --log-level 4 --log-prefix "DROP: "',
    '-j LOG --log-prefix "DROP: " --log-uid',
  ],
  ['MARK', '-j MARK --set-mark 0x10/0xff', '-j MARK --set-xmark 0x10/0xff'],
  [
    'MASQUERADE',
    '-p udp -j MASQUERADE --random-fully --to-ports 1024-2048 --random',
    '-p udp -j MASQUERADE --to-ports 1024-2048 --random --random-fully',
  ],
  [
    'NFLOG',
    '-j NFLOG --nflog-threshold 1 --nflog-group 86 --nflog-prefix x --nflog-size 64',
    '-j NFLOG --nflog-prefix x --nflog-group 86 --nflog-size 64',
  ],
  ['REJECT', '-p tcp -j REJECT --reject-with tcp-rst', '-p tcp -j REJECT --reject-with tcp-reset'],
  [
    'SNAT',
    '-j SNAT --persistent --to-source 192.168.0.2 --random-fully',
    '-j SNAT --to-source 192.168.0.2 --random-fully --persistent',
  ],
];

describe.each(EXAMPLES.map(([name, input, printed]) => [name, input, printed] as const))(
  '%s',
  (_name, input, printed) => {
    test(input, () => expect(save(input)).toBe(printed));
  },
);

test('every registered module has an example', () => {
  const covered = new Set(EXAMPLES.map(([name]) => name));
  expect([...MATCHES.keys(), ...TARGETS.keys()].filter((n) => !covered.has(n))).toEqual([]);
});

test('MARK forms all become --set-xmark', () => {
  expect(save('-j MARK --or-mark 0x4000')).toBe('-j MARK --set-xmark 0x4000/0x4000');
  expect(save('-j MARK --xor-mark 0x4000')).toBe('-j MARK --set-xmark 0x4000/0x0');
  expect(save('-j MARK --set-mark 0x00004000')).toBe('-j MARK --set-xmark 0x4000/0xffffffff');
  expect(save('-j MARK --and-mark 0x4000')).toBe('-j MARK --set-xmark 0x0/0xffffbfff');
  expect(save('-j MARK --set-xmark 7')).toBe('-j MARK --set-xmark 0x7/0xffffffff');
});

test('tcp flags: --syn, and a zero mask prints nothing', () => {
  expect(save('-p tcp ! --syn')).toBe('-p tcp -m tcp ! --tcp-flags FIN,SYN,RST,ACK SYN');
  expect(save('-p tcp -m tcp --tcp-flags NONE NONE')).toBe('-p tcp -m tcp');
});

test('NAT ranges: IPv6 brackets only with a port, port-only ranges', () => {
  expect(save('-p tcp -j DNAT --to-destination fd00::1', 6)).toBe(
    '-p tcp -j DNAT --to-destination fd00::1',
  );
  expect(save('-p tcp -j DNAT --to-destination [fd00::1]:80-90', 6)).toBe(
    '-p tcp -j DNAT --to-destination [fd00::1]:80-90',
  );
  expect(save('-p tcp -j DNAT --to-destination :8080')).toBe(
    '-p tcp -j DNAT --to-destination :8080',
  );
  expect(save('-p tcp -j DNAT --to-destination 10.0.0.1:8000-8010/8000')).toBe(
    '-p tcp -j DNAT --to-destination 10.0.0.1:8000-8010/8000',
  );
});

test('REJECT types by alias and prefix', () => {
  expect(save('-j REJECT --reject-with icmp-host-prohibited')).toBe(
    '-j REJECT --reject-with icmp-host-prohibited',
  );
  expect(save('-j REJECT --reject-with host-prohib')).toBe(
    '-j REJECT --reject-with icmp-host-prohibited',
  );
  expect(save('-j REJECT --reject-with adm-prohibited', 6)).toBe(
    '-j REJECT --reject-with icmp6-adm-prohibited',
  );
});
