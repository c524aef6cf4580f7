import { describe, expect, test } from 'vitest';
import type { IpFamily } from '../net/ip.ts';
import { formatRuleSave } from './format-rule.ts';
import { parseRuleArgs, parseRuleSpec } from './parse-rule.ts';
import { splitRuleLine } from './words.ts';

/** Parses the rule of a `-A CHAIN …` line and prints it as iptables-save would. */
function save(line: string, family: IpFamily = 4): string {
  const words = splitRuleLine(line);
  const parsed = parseRuleArgs(words.slice(2), family);
  if (!parsed.ok) throw new Error(`${parsed.error.index}: ${parsed.error.message}`);
  return formatRuleSave(words[1] as string, parsed.value);
}

/** The error for the words after `-A X`, with the index counted in those words. */
function error(args: string, family: IpFamily = 4) {
  const parsed = parseRuleArgs(splitRuleLine(args), family);
  return parsed.ok ? null : parsed.error;
}

describe('kube-proxy input ⇒ iptables-save line (kube-proxy-iptables.md §9)', () => {
  test.each([
    [
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O',
      '-A KUBE-SERVICES -d 172.30.0.41/32 -p tcp -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O',
    ],
    [
      '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-XPGD46QRK7WJZT7O ! -s 10.0.0.0/8 -d 172.30.0.41/32 -p tcp -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
    ],
    [
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -s 10.180.0.1 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -s 10.180.0.1/32 -m comment --comment "ns1/svc1:p80" -j KUBE-MARK-MASQ',
    ],
    [
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.1:80',
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -p tcp -m comment --comment "ns1/svc1:p80" -m tcp -j DNAT --to-destination 10.180.0.1:80',
    ],
    [
      '-A KUBE-NODEPORTS -m comment --comment ns2/svc2:p80 -m tcp -p tcp -d 127.0.0.0/8 --dport 3001 -m nfacct --nfacct-name localhost_nps_accepted_pkts -j KUBE-EXT-GNZBNJ2PO5MGZ6GT',
      '-A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "ns2/svc2:p80" -m tcp --dport 3001 -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j KUBE-EXT-GNZBNJ2PO5MGZ6GT',
    ],
    [
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns2/svc2:p80 has no local endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 3001 -j DROP',
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "ns2/svc2:p80 has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 3001 -j DROP',
    ],
    [
      '-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
      '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
    ],
    [
      '-A KUBE-SVC-X -m comment --comment ns1/svc1:p80 -m recent --name KUBE-SEP-X --rcheck --seconds 10800 --reap -j KUBE-SEP-X',
      '-A KUBE-SVC-X -m comment --comment "ns1/svc1:p80" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-X --mask 255.255.255.255 --rsource -j KUBE-SEP-X',
    ],
    [
      '-A KUBE-SEP-X -m comment --comment ns1/svc1:p80 -m recent --name KUBE-SEP-X --set -m tcp -p tcp -j DNAT --to-destination 10.180.0.1:80',
      '-A KUBE-SEP-X -p tcp -m comment --comment "ns1/svc1:p80" -m recent --set --name KUBE-SEP-X --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.180.0.1:80',
    ],
    [
      '-A KUBE-SVC-X -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-X',
      '-A KUBE-SVC-X -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-X',
    ],
    [
      '-A KUBE-MARK-MASQ -j MARK --or-mark 0x00004000',
      '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000',
    ],
    [
      '-A KUBE-POSTROUTING -j MARK --xor-mark 0x00004000',
      '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
    ],
    [
      '-A KUBE-POSTROUTING -m mark ! --mark 0x00004000/0x00004000 -j RETURN',
      '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
    ],
    [
      '-A KUBE-SERVICES -m comment --comment "ns6/svc6:p80 has no endpoints" -m tcp -p tcp -d 172.30.0.46 --dport 80 -j REJECT',
      '-A KUBE-SERVICES -d 172.30.0.46/32 -p tcp -m comment --comment "ns6/svc6:p80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    ],
    [
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    ],
  ])('%s', (input, printed) => {
    expect(save(input)).toBe(printed);
  });

  test('ip6tables: /128, IPv6 recent mask, REJECT default, DNAT brackets', () => {
    expect(
      save(
        '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL ! -d ::1/128 -j KUBE-NODEPORTS',
        6,
      ),
    ).toBe(
      '-A KUBE-SERVICES ! -d ::1/128 -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
    );
    expect(save('-A X -s fd00:10:180::1 -j ACCEPT', 6)).toBe(
      '-A X -s fd00:10:180::1/128 -j ACCEPT',
    );
    expect(save('-A X -m recent --name L --set', 6)).toBe(
      '-A X -m recent --set --name L --mask ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff --rsource',
    );
    expect(save('-A X -j REJECT', 6)).toBe('-A X -j REJECT --reject-with icmp6-port-unreachable');
    expect(save('-A X -m tcp -p tcp -j DNAT --to-destination [fd00:10:180::1]:80', 6)).toBe(
      '-A X -p tcp -m tcp -j DNAT --to-destination [fd00:10:180::1]:80',
    );
  });
});

describe('reading the rule specification', () => {
  test('addresses are masked; /0 without ! disappears', () => {
    expect(save('-A X -s 10.1.2.3/8 -d 0.0.0.0/0 -j ACCEPT')).toBe('-A X -s 10.0.0.0/8 -j ACCEPT');
    expect(save('-A X ! -d 0.0.0.0/0 -j ACCEPT')).toBe('-A X ! -d 0.0.0.0/0 -j ACCEPT');
    expect(save('-A X -s 10.0.0.0/255.255.0.0 -j ACCEPT')).toBe('-A X -s 10.0.0.0/16 -j ACCEPT');
    expect(save('-A X -s 172.30.0.041 -j ACCEPT')).toBe('-A X -s 172.30.0.41/32 -j ACCEPT');
  });

  test('the protocol option loads its match where the unknown option appears', () => {
    expect(save('-A X -p tcp --dport 80 -m comment --comment x -j ACCEPT')).toBe(
      '-A X -p tcp -m tcp --dport 80 -m comment --comment x -j ACCEPT',
    );
    expect(save('-A X -p udp -m comment --comment x --sport 53 -j ACCEPT')).toBe(
      '-A X -p udp -m comment --comment x -m udp --sport 53 -j ACCEPT',
    );
    expect(save('-A X -p icmp --icmp-type echo-request -j ACCEPT')).toBe(
      '-A X -p icmp -m icmp --icmp-type 8 -j ACCEPT',
    );
    expect(error('--dport 80 -p tcp -j ACCEPT')).toEqual({
      index: 0,
      message: 'unknown option "--dport"',
    });
  });

  test('an option goes to the most recently loaded module that has it (getopt order)', () => {
    const parsed = parseRuleArgs(splitRuleLine('-p tcp -m udp -m tcp --dport 80'), 4);
    // The udp match refuses -p tcp; what matters is that --dport went to the second module.
    expect(parsed.ok).toBe(false);
    const tcpFirst = parseRuleArgs(
      splitRuleLine('-p tcp -m tcp -m comment --comment c --dport 8'),
      4,
    );
    expect(tcpFirst.ok && tcpFirst.value.matches.map((m) => m.name)).toEqual(['tcp', 'comment']);
  });

  test('negation: before the option, or the old form after it', () => {
    expect(save('-A X -s ! 10.0.0.0/8 -p tcp --dport ! 22 -j DROP')).toBe(
      '-A X ! -s 10.0.0.0/8 -p tcp -m tcp ! --dport 22 -j DROP',
    );
    expect(save('-A X ! -i eth0 ! -p udp -j DROP')).toBe('-A X ! -i eth0 ! -p udp -j DROP');
    expect(error('! ! -s 1.2.3.4')).toEqual({
      index: 1,
      message: 'multiple consecutive ! not allowed',
    });
    expect(error('! -s ! 1.2.3.4')?.message).toBe("Multiple `!' flags not allowed");
    expect(error('-m recent --set ! --reap --seconds 5')?.message).toBe(
      'recent: option "--reap" cannot be inverted',
    );
    expect(error('! -m tcp')?.message).toBe('"-m" cannot be inverted');
  });

  test('long options: --opt=value and unique prefixes, like getopt_long', () => {
    expect(save('-A X -p tcp --destination=10.0.0.1 -j DNAT --to 10.0.0.2:8080')).toBe(
      '-A X -d 10.0.0.1/32 -p tcp -j DNAT --to-destination 10.0.0.2:8080',
    );
    expect(save('-A X -p tcp -m tcp --destination-port 443 -j ACCEPT')).toBe(
      '-A X -p tcp -m tcp --dport 443 -j ACCEPT',
    );
    expect(error('-p tcp -m tcp --d 1')?.message).toBe("option '--d' is ambiguous");
  });

  test('interfaces, protocols, fragments, goto', () => {
    expect(save('-A X -i veth+ -o + -p 6 -f -g Y')).toBe('-A X -i veth+ -p tcp -f -g Y');
    expect(save('-A X -p all -j ACCEPT')).toBe('-A X -j ACCEPT');
    expect(save('-A X -p GRE -j ACCEPT')).toBe('-A X -p gre -j ACCEPT');
    expect(save('-A X -p 200 -j ACCEPT')).toBe('-A X -p 200 -j ACCEPT');
    expect(save('-A X -p ipv6-icmp -j ACCEPT', 6)).toBe('-A X -p ipv6-icmp -j ACCEPT');
    expect(save('-A X -m comment --comment counted-only')).toBe(
      '-A X -m comment --comment counted-only',
    );
    expect(error('-f', 6)?.message).toBe('unknown option "-f"');
    expect(error('! -p all')?.message).toBe('rule would never match protocol');
  });

  test('-c counters are read by parseRuleSpec', () => {
    const parsed = parseRuleSpec(['-c', '12', '720', '-j', 'ACCEPT'], 4);
    expect(parsed.ok && parsed.value.counters).toEqual({ packets: 12, bytes: 720 });
    expect(parsed.ok && parsed.value.rule.target?.name).toBe('ACCEPT');
  });

  test('target kinds', () => {
    const kinds = ['-j ACCEPT', '-j KUBE-SVC-X', '-j REJECT', '-g KUBE-SVC-X'].map((args) => {
      const r = parseRuleArgs(splitRuleLine(args), 4);
      return r.ok ? [r.value.target?.kind, r.value.target?.goto] : r.error;
    });
    expect(kinds).toEqual([
      ['verdict', false],
      ['chain', false],
      ['extension', false],
      ['chain', true],
    ]);
  });
});

describe('errors name the offending word', () => {
  test.each([
    ['-m nosuch --x 1', 1, "Couldn't load match `nosuch':No such file or directory"],
    ['-j TPROXY --on-port 1', 1, "Couldn't load target `TPROXY': not modelled"],
    ['-m comment --comment x --bogus', 4, 'unknown option "--bogus"'],
    ['-m tcp --dport 80 -j ACCEPT', 0, 'tcp match: only valid for protocol 6'],
    ['-p tcp -m tcp --dport 99999', 4, "invalid port/service `99999' specified"],
    ['-s 10.0.0.300', 1, "host/network `10.0.0.300' not found"],
    ['-s 10.0.0.0/33', 1, "invalid mask `33' specified"],
    ['-p xyz', 1, 'unknown protocol "xyz" specified'],
    [
      '-i averyveryverylongname',
      1,
      "interface name `averyveryverylongname' must be shorter than IFNAMSIZ (15)",
    ],
    ['-m comment', 0, 'comment: option "--comment" must be specified'],
    [
      '-m comment --comment a --comment b',
      4,
      'comment: "--comment" option may only be specified once',
    ],
    ['-j ACCEPT -j DROP', 2, 'multiple -j flags not allowed'],
    ['-m statistic --mode random', 0, '--probability must be specified when using random mode'],
    ['-m statistic --mode random --probability 2', 5, 'Value "2" out of range'],
    ['-m conntrack --ctstate BOGUS', 3, 'Bad ctstate "BOGUS"'],
    ['-j MARK', 0, 'MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required'],
    [
      '-j DNAT --to-destination 10.0.0.1:80',
      3,
      'Need TCP, UDP, SCTP or DCCP with port specification',
    ],
    ['-j REJECT --reject-with nonsense', 3, 'unknown reject type "nonsense"'],
    ['-m set --match-set s', 2, 'option "--match-set" requires two arguments'],
    ['stray', 0, "Bad argument `stray'"],
    ['-m recent --rcheck --set', 3, 'recent: "--set" cannot be used together with "--rcheck"'],
  ])('%s', (args, index, message) => {
    expect(error(args)).toEqual({ index, message });
  });
});
