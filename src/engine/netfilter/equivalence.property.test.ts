/**
 * Property: the fast evaluator is the linear one, faster. Random small rulesets exercising every
 * match and target the evaluators support (negations, jumps, gotos, returns, random and nth
 * statistics, recent lists, ipsets, long indexed chains) and random packet sequences; after every
 * packet both evaluators must agree on the result (verdict, NAT binding, packet, every step), on
 * the state (counters, recent lists, nth counters) and on the random numbers they drew.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ruleset, TableName } from '../iptables/ruleset.ts';
import { BUILTIN_CHAINS } from '../iptables/ruleset.ts';
import { applyCommand } from '../iptables/command.ts';
import { emptyRuleset } from '../iptables/ruleset.ts';
import { splitRuleLine } from '../iptables/words.ts';
import type { IpFamily } from '../net/ip.ts';
import type { Ip } from '../net/ip.ts';
import { formatIp, parseIp } from '../net/ip.ts';
import { compileRuleset } from './compiled-ruleset.ts';
import { conntrackCreate } from './conntrack.ts';
import { bindDnat, bindSnat } from './conntrack-nat.ts';
import type { ContextSpec, CtInfo } from './context.ts';
import { makeContext } from './context.ts';
import { createEvalState } from './eval-state.ts';
import { evaluateChainFast } from './fast.ts';
import { evaluateChainLinear } from './linear.ts';
import type { Packet } from './packet.ts';
import { makePacket, TCP_ACK, TCP_FIN, TCP_SYN } from './packet.ts';
import { seededRandom } from './rng.ts';
import { clusterIpOf, kubeProxyRuleset, syntheticCluster } from './test-fixtures.ts';

// ---------------------------------------------------------------------------------------------
// Pools the rules and the packets draw from, so that packets often hit what rules test.

const V4 = {
  hosts: ['10.96.0.1', '10.96.0.2', '10.96.0.3', '10.44.0.2', '192.168.56.11', '203.0.113.7'],
  nets: ['10.32.0.0/12', '10.0.0.0/8', '10.96.0.0/30', '0.0.0.0/0', '192.168.56.0/24'],
  node: ['eth0 192.168.56.11/24', 'lo 127.0.0.1/8', 'weave 10.32.0.1/12'],
  range: '10.44.0.1-10.44.0.9',
  dnat: ['10.36.0.1:8080', '10.36.0.2', '10.36.0.3:8000-8010', '10.36.0.4:9000-9009/80'],
  snat: ['10.32.0.1', '10.32.0.1:2000-2010'],
  local: '192.168.56.11',
  set: ['10.32.0.0/12', '203.0.113.7'],
};
const V6 = {
  hosts: ['fd00::1', 'fd00::2', 'fd00::3', 'fd00:10::2', '2001:db8::1', '2001:db8::99'],
  nets: ['fd00::/64', 'fd00:10::/64', '::/0', '2001:db8::/64'],
  node: ['eth0 2001:db8::1/64', 'lo ::1/128', 'weave fd00:10::1/64'],
  range: 'fd00:10::1-fd00:10::9',
  dnat: ['[fd00:36::1]:8080', 'fd00:36::2', '[fd00:36::3]:8000-8010'],
  snat: ['fd00:10::1'],
  local: '2001:db8::1',
  set: ['fd00:10::/64', '2001:db8::99'],
};
type Pools = typeof V4;
const pools = (family: IpFamily): Pools => (family === 4 ? V4 : V6);

const PORTS = [53, 80, 443, 8080, 30080];
const MARKS = ['0x4000/0x4000', '0x8000/0x8000', '0x1', '0x0/0xc000', '0x4000/0xc000'];
const IFACES = ['eth0', 'weave', 'veth+', 'lo', 'vethwe+', 'docker0'];
const USER_CHAINS = ['U0', 'U1', 'U2', 'LONG'];

// ---------------------------------------------------------------------------------------------
// Rule pieces. Each piece is text for iptables-restore; a rule is header + matches + target.

/** `arb`'s value with probability `chance`, else null. */
function sometimes<T>(arb: fc.Arbitrary<T>, chance: number): fc.Arbitrary<T | null> {
  const weight = Math.round(chance * 100);
  if (weight === 0) return fc.constant(null);
  return fc.oneof(
    { weight, arbitrary: arb },
    { weight: 100 - weight, arbitrary: fc.constant(null) },
  );
}

const neg = fc.boolean().map((b) => (b ? '! ' : ''));
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

function addressArb(p: Pools) {
  return fc.oneof(pick(p.hosts), pick(p.nets));
}

/** `-s`/`-d`/`-i`/`-o`/`-f`, each present or not. */
function headerArb(p: Pools, family: IpFamily) {
  return fc
    .record({
      s: sometimes(fc.tuple(neg, addressArb(p)), 0.3),
      d: sometimes(fc.tuple(neg, addressArb(p)), 0.25),
      i: sometimes(fc.tuple(neg, pick(IFACES)), 0.15),
      o: sometimes(fc.tuple(neg, pick(IFACES)), 0.15),
      f: sometimes(neg, family === 4 ? 0.06 : 0),
    })
    .map(({ s, d, i, o, f }) =>
      [
        s ? `${s[0]}-s ${s[1]}` : '',
        d ? `${d[0]}-d ${d[1]}` : '',
        i ? `${i[0]}-i ${i[1]}` : '',
        o ? `${o[0]}-o ${o[1]}` : '',
        f !== null && family === 4 ? `${f}-f` : '',
      ].join(' '),
    );
}

const portArb = fc.oneof(
  pick(PORTS).map(String),
  fc.tuple(pick(PORTS), fc.integer({ min: 0, max: 40 })).map(([a, n]) => `${a}:${a + n}`),
);

/** The protocol and its port/flag matches (they go together: `-m tcp` needs `-p tcp`). */
function l4Arb(family: IpFamily) {
  const icmp = family === 4 ? ['-p icmp', '-p icmp -m icmp --icmp-type 8', '! -p icmp'] : [];
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: pick(['-p tcp', '-p udp', '! -p tcp', '-p sctp', '-p 47', ...icmp]) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(pick(['tcp', 'udp', 'sctp']), neg, portArb, sometimes(fc.tuple(neg, portArb), 0.25))
        .map(
          ([proto, n, d, s]) =>
            `-p ${proto} -m ${proto} ${n}--dport ${d}${s ? ` ${s[0]}--sport ${s[1]}` : ''}`,
        ),
    },
    {
      weight: 1,
      arbitrary: pick([
        '-p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN',
        '-p tcp -m tcp ! --tcp-flags SYN,ACK SYN,ACK',
        '-p tcp --syn',
        '-p tcp -m tcp --dport 80 --tcp-option 2',
        '-p tcp -m tcp ! --tcp-option 8',
      ]),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(pick(['tcp', 'udp']), neg, pick(['dports', 'sports', 'ports']))
        .map(([proto, n, o]) => `-p ${proto} -m multiport ${n}--${o} 53,80,1000:2000,8080`),
    },
  );
}

/** One `-m` module with options (protocol matches come from l4Arb). */
function matchArb(p: Pools) {
  return fc.oneof(
    pick([
      '-m comment --comment "a comment"',
      '-m nfacct --nfacct-name ct_state_invalid_dropped_pkts',
    ]),
    fc.tuple(neg, pick(MARKS)).map(([n, m]) => `-m mark ${n}--mark ${m}`),
    fc
      .tuple(
        neg,
        pick(['LOCAL', 'UNICAST', 'BROADCAST', 'LOCAL,BROADCAST', 'MULTICAST']),
        pick(['dst', 'src']),
        pick(['', ' --limit-iface-in', ' --limit-iface-out']),
      )
      .map(([n, t, side, limit]) => `-m addrtype ${n}--${side}-type ${t}${limit}`),
    fc
      .tuple(neg, pick(['NEW', 'RELATED,ESTABLISHED', 'INVALID', 'DNAT', 'SNAT', 'UNTRACKED']))
      .map(([n, s]) => `-m conntrack ${n}--ctstate ${s}`),
    fc
      .tuple(neg, pick(['ctorigdst', 'ctreplsrc', 'ctorigsrc']), addressArb(p))
      .map(([n, o, a]) => `-m conntrack ${n}--${o} ${a}`),
    pick([
      '-m conntrack --ctstate NEW --ctdir ORIGINAL',
      '-m conntrack --ctproto tcp --ctorigdstport 80',
      '-m conntrack ! --ctstatus CONFIRMED',
      '-m conntrack --ctstate DNAT --ctreplsrcport 8080',
    ]),
    fc
      .tuple(neg, pick(['NEW', 'ESTABLISHED', 'NEW,RELATED']))
      .map(([n, s]) => `-m state ${n}--state ${s}`),
    pick([
      '-m physdev --physdev-is-bridged',
      '-m physdev ! --physdev-is-bridged',
      '-m physdev --physdev-in vethwe-bridge',
      '-m physdev ! --physdev-out vethwe+',
      '-m physdev --physdev-is-in --physdev-is-out',
    ]),
    fc
      .tuple(
        neg,
        pick(['weaver-no-masq-local', 'weaver-no-masq-local', 'missing-set']),
        pick(['src', 'dst']),
      )
      .map(([n, s, d]) => `-m set ${n}--match-set ${s} ${d}`),
    fc
      .tuple(neg, pick(['src', 'dst']))
      .map(([n, side]) => `-m iprange ${n}--${side}-range ${p.range}`),
    fc
      .tuple(neg, pick(['0.5', '0.33333333349', '0.25', '0.1']))
      .map(([n, prob]) => `-m statistic --mode random ${n}--probability ${prob}`),
    fc
      .tuple(neg, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 }))
      .map(
        ([n, every, packet]) =>
          `-m statistic --mode nth ${n}--every ${every} --packet ${Math.min(packet, every - 1)}`,
      ),
    fc
      .tuple(
        pick(['R1', 'R2']),
        neg,
        pick([
          '--set --rsource',
          '--set --rdest',
          '--rcheck --seconds 10 --reap --rsource',
          '--rcheck --seconds 5 --hitcount 2 --rsource',
          '--update --seconds 10 --rsource',
          '--update --seconds 3 --reap --rttl --rsource',
          '--remove --rsource',
          '--rcheck --rdest',
        ]),
      )
      .map(([name, n, cmd]) => {
        const [first, ...rest] = cmd.split(' ');
        return `-m recent ${n}${first} --name ${name} ${rest.join(' ')}`.trim();
      }),
  );
}

/** A target valid in `table` (`to` names the user chains a jump may reach). */
function targetArb(table: TableName, p: Pools) {
  const verdicts = pick(['-j ACCEPT', '-j DROP', '-j RETURN']);
  const jumps = fc.tuple(pick(['-j', '-g']), pick(USER_CHAINS)).map(([j, c]) => `${j} ${c}`);
  const common = [
    { weight: 3, arbitrary: verdicts },
    { weight: 4, arbitrary: jumps },
    { weight: 1, arbitrary: fc.constant('') },
    {
      weight: 2,
      arbitrary: pick([
        '-j MARK --set-xmark 0x4000/0x4000',
        '-j MARK --or-mark 0x8000',
        '-j MARK --set-mark 0x1',
        '-j MARK --xor-mark 0x4000',
      ]),
    },
    { weight: 1, arbitrary: pick(['-j LOG --log-prefix "seen: "', '-j NFLOG --nflog-group 5']) },
  ];
  if (table === 'filter')
    common.push({
      weight: 2,
      arbitrary: pick(['-j REJECT', '-j REJECT --reject-with icmp-host-unreachable']),
    });
  if (table === 'nat')
    common.push(
      {
        weight: 3,
        arbitrary: fc
          .tuple(pick(p.dnat), fc.boolean())
          .map(([to, r]) => `-j DNAT --to-destination ${to}${r ? ' --random' : ''}`),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(pick(p.snat), pick(['', ' --random-fully', ' --random']))
          .map(([to, r]) => `-j SNAT --to-source ${to}${r}`),
      },
      {
        weight: 2,
        arbitrary: pick([
          '-j MASQUERADE',
          '-j MASQUERADE --random-fully',
          '-j MASQUERADE --to-ports 1000-1010',
        ]),
      },
    );
  return fc.oneof(...common);
}

function ruleArb(table: TableName, family: IpFamily) {
  const p = pools(family);
  return fc
    .tuple(
      headerArb(p, family),
      l4Arb(family),
      fc.array(matchArb(p), { maxLength: 2 }),
      targetArb(table, p),
    )
    .map(([h, l4, ms, t]) => [h, l4, ...ms, t].filter((x) => x.trim() !== '').join(' '));
}

/** A keyed rule as kube-proxy writes them: exact destination and/or port, so chains get indexed. */
function keyedRuleArb(table: TableName, family: IpFamily, both: boolean) {
  const p = pools(family);
  return fc
    .tuple(
      sometimes(pick(p.hosts), both ? 1 : 0.85),
      sometimes(fc.tuple(pick(['tcp', 'udp', 'sctp']), pick(PORTS)), both ? 1 : 0.85),
      sometimes(matchArb(p), 0.3),
      targetArb(table, p),
      fc.boolean(),
    )
    .map(([d, port, m, t, matchFirst]) => {
      const dst = d ? `-d ${d}` : '';
      const l4 = port ? `-p ${port[0]} -m ${port[0]} --dport ${port[1]}` : '';
      const extra = m ?? '';
      const body = matchFirst ? [dst, extra, l4] : [dst, l4, extra];
      return [...body, t].filter((x) => x !== '').join(' ');
    });
}

interface Case {
  readonly family: IpFamily;
  readonly table: TableName;
  /** `iptables -t TABLE` commands; a line iptables would refuse (e.g. DNAT to a port without `-p tcp`) is left out. */
  readonly commands: readonly string[];
  readonly threshold: number;
}

const TABLES: readonly TableName[] = ['filter', 'nat', 'mangle', 'raw'];

/** iptables-save text of a random table: built-in chains with policies, user chains, rules. */
const caseArb: fc.Arbitrary<Case> = fc
  .tuple(fc.constantFrom<IpFamily>(4, 4, 4, 6), fc.constantFrom(...TABLES))
  .chain(([family, table]) =>
    fc
      .record({
        policies: fc.array(pick(['ACCEPT', 'DROP']), {
          minLength: BUILTIN_CHAINS[table].length,
          maxLength: BUILTIN_CHAINS[table].length,
        }),
        rules: fc.array(
          fc.tuple(
            fc.nat({ max: BUILTIN_CHAINS[table].length + USER_CHAINS.length - 1 }),
            ruleArb(table, family),
          ),
          { minLength: 3, maxLength: 24 },
        ),
        // Mixed keys, or kube-proxy's KUBE-SERVICES shape: every rule keyed by destination and
        // port, then one unkeyed rule (the index then keeps merged candidate lists).
        long: fc.oneof(
          fc.array(keyedRuleArb(table, family, false), { minLength: 2, maxLength: 36 }),
          fc
            .tuple(
              fc.array(keyedRuleArb(table, family, true), { minLength: 2, maxLength: 36 }),
              ruleArb(table, family),
            )
            .map(([keyed, last]) => [...keyed, last]),
        ),
        threshold: pick([1, 4, 16]),
      })
      .map(({ policies, rules, long, threshold }) => {
        const builtins = BUILTIN_CHAINS[table];
        const all = [...builtins, ...USER_CHAINS];
        const commands = builtins.map((c, i) => `-P ${c} ${policies[i] ?? 'ACCEPT'}`);
        for (const c of USER_CHAINS) commands.push(`-N ${c}`);
        // Every built-in chain can reach the long chain (where the index matters most).
        for (const c of builtins) commands.push(`-A ${c} -j LONG`);
        for (const [where, body] of rules) commands.push(`-A ${all[where] as string} ${body}`);
        for (const body of long) commands.push(`-A LONG ${body}`);
        return { family, table, commands, threshold };
      }),
  );

// ---------------------------------------------------------------------------------------------
// Packets and contexts.

interface Probe {
  readonly packet: Packet;
  readonly chain: string;
  readonly ctx: ContextSpec;
  /** Milliseconds since the previous packet. */
  readonly dtMs: number;
}

function addressOf(p: Pools, family: IpFamily) {
  const fromNet = (net: string, k: number) => {
    const base = parseIp(net.split('/')[0] as string);
    if (!base) return net;
    if (base.family === 4) {
      const v = (base.value + k) >>> 0;
      return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
    }
    return net.split('/')[0]!.replace(/::$/, '::') + (k % 0xffff).toString(16);
  };
  return fc.oneof(
    { weight: 5, arbitrary: pick(p.hosts) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(pick(p.nets), fc.integer({ min: 1, max: 300 }))
        .map(([n, k]) => fromNet(n, k)),
    },
    {
      weight: 1,
      arbitrary: pick(
        family === 4
          ? ['127.0.0.1', '10.44.0.5', '192.168.56.255']
          : ['::1', 'fd00:10::5', 'ff02::1'],
      ),
    },
    {
      weight: 2,
      arbitrary:
        family === 4
          ? fc.ipV4()
          : fc
              .array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 })
              .map((xs) => xs.map((x) => x.toString(16)).join(':')),
    },
  );
}

const CT_KINDS = ['new', 'none', 'established-dnat', 'reply-snat', 'invalid', 'untracked'];

function ctFor(kind: string, packet: Packet, family: IpFamily): CtInfo {
  const ip = (t: string) => parseIp(t) as NonNullable<ReturnType<typeof parseIp>>;
  const entry = conntrackCreate(packet, 0);
  switch (kind) {
    case 'new':
      return { state: 'NEW', dir: 'ORIGINAL', entry };
    case 'none':
      return { state: 'NEW', dir: 'ORIGINAL', entry: null };
    case 'established-dnat':
      return {
        state: 'ESTABLISHED',
        dir: 'ORIGINAL',
        entry: bindDnat(entry, ip(family === 4 ? '10.36.0.1' : 'fd00:36::1'), 8080),
      };
    case 'reply-snat':
      return {
        state: 'ESTABLISHED',
        dir: 'REPLY',
        entry: bindSnat(entry, ip(family === 4 ? '10.32.0.1' : 'fd00:10::1'), 40000),
      };
    case 'invalid':
      return { state: 'INVALID', dir: 'ORIGINAL', entry: null };
    default:
      return { state: 'UNTRACKED', dir: 'ORIGINAL', entry: null };
  }
}

/** Header values of the case's rules, so that packets are often aimed at a rule. */
interface Aim {
  readonly src: string | null;
  readonly dst: string | null;
  readonly proto: number | null;
  readonly dport: number | null;
}

function aimsOf(c: Case): Aim[] {
  const aims: Aim[] = [];
  const host = (m: { cidr: { ip: Ip; prefix: number } } | undefined) =>
    m && m.cidr.prefix === (c.family === 4 ? 32 : 128) ? formatIp(m.cidr.ip) : null;
  for (const chain of loaded(c).tables[c.table].chains.values()) {
    for (const { rule } of chain.rules) {
      const port = rule.matches
        .flatMap((m) => m.options)
        .find((o) => o.name === 'dport' && /^\d+$/.test(o.values[0] ?? ''));
      aims.push({
        src: host(rule.src),
        dst: host(rule.dst),
        proto: rule.proto?.number ?? null,
        dport: port ? Number(port.values[0]) : null,
      });
    }
  }
  return aims;
}

function probeArb(c: Case): fc.Arbitrary<Probe> {
  const p = pools(c.family);
  const chains = [...BUILTIN_CHAINS[c.table], ...BUILTIN_CHAINS[c.table], 'U0', 'LONG'];
  const random = {
    src: addressOf(p, c.family),
    dst: addressOf(p, c.family),
    proto: fc.constantFrom(6, 6, 17, 17, 132, 1, 47),
    dport: fc.oneof(pick(PORTS), pick(PORTS), fc.integer({ min: 1, max: 65535 })),
  };
  const aims = aimsOf(c);
  const aimed =
    aims.length === 0
      ? fc.record(random)
      : fc.tuple(pick(aims), fc.record(random)).map(([a, r]) => ({
          src: a.src ?? r.src,
          dst: a.dst ?? r.dst,
          proto: a.proto ?? r.proto,
          dport: a.dport ?? r.dport,
        }));
  return fc
    .record({
      header: fc.oneof(
        { weight: 3, arbitrary: aimed },
        { weight: 2, arbitrary: fc.record(random) },
      ),
      sport: fc.oneof(pick(PORTS), fc.integer({ min: 1, max: 65535 })),
      mark: fc.constantFrom(0, 0, 0x4000, 0x8000, 0xc000, 0x1, 0x4001),
      ttl: fc.constantFrom(64, 64, 63, 1),
      flags: fc.constantFrom(0, TCP_SYN, TCP_ACK, TCP_SYN | TCP_ACK, TCP_FIN | TCP_ACK),
      options: sometimes(fc.constantFrom([2], [2, 8], [4]), 0.3),
      fragment: sometimes(fc.constant(true), c.family === 4 ? 0.1 : 0).map((b) => b === true),
      icmpType: fc.constantFrom(8, 0, 3),
      chain: fc.constantFrom(...chains),
      inIface: fc.option(
        pick([...IFACES.filter((i) => !i.endsWith('+')), 'veth12ab', 'vethwe-bridge']),
      ),
      outIface: fc.option(pick([...IFACES.filter((i) => !i.endsWith('+')), 'vethwepl3'])),
      physdev: sometimes(
        fc.record({
          in: fc.option(pick(['vethwe-bridge', 'vethwepl1', 'veth9'])),
          out: fc.option(pick(['vethwe-bridge', 'vethwepl1', 'veth9'])),
        }),
        0.4,
      ),
      ct: pick(CT_KINDS),
      nextHop: sometimes(addressOf(p, c.family), 0.3),
      dtMs: fc.constantFrom(0, 1, 500, 3_000, 12_000),
    })
    .map((r) => {
      const { src, dst, proto, dport } = r.header;
      const packet = makePacket({
        src,
        dst,
        proto,
        sport: r.sport,
        dport,
        mark: r.mark,
        ttl: r.ttl,
        tcpFlags: proto === 6 ? r.flags : 0,
        ...(r.options && proto === 6 ? { tcpOptions: r.options } : {}),
        ...(proto === 1 ? { icmpType: r.icmpType } : {}),
        fragment: r.fragment,
      });
      return {
        packet,
        chain: r.chain,
        dtMs: r.dtMs,
        ctx: {
          inIface: r.inIface,
          outIface: r.outIface,
          physdev: r.physdev,
          addresses: p.node,
          ipsets: { 'weaver-no-masq-local': p.set },
          ct: ctFor(r.ct, packet, c.family),
          ...(r.nextHop ? { nextHop: r.nextHop } : {}),
        },
      };
    });
}

// ---------------------------------------------------------------------------------------------

const LOADED = new WeakMap<Case, { ruleset: Ruleset; refused: number }>();

/** The ruleset of a case, and how many of its commands iptables refused. */
function load(c: Case): { ruleset: Ruleset; refused: number } {
  const known = LOADED.get(c);
  if (known) return known;
  let ruleset = emptyRuleset(c.family);
  let refused = 0;
  for (const line of c.commands) {
    const r = applyCommand(ruleset, c.table, splitRuleLine(line));
    if (r.ok) ruleset = r.value;
    else refused++;
  }
  const out = { ruleset, refused };
  LOADED.set(c, out);
  return out;
}

const loaded = (c: Case) => load(c).ruleset;

/** Runs the probes through both evaluators, each with its own state and rng stream. */
function checkAgreement(c: Case, probes: readonly Probe[], seed: number): void {
  const ruleset = loaded(c);
  const compiled = compileRuleset(ruleset, { indexThreshold: c.threshold });
  if (!compiled.ok) throw new Error(compiled.error.message);
  const linearState = createEvalState();
  const fastState = createEvalState();
  const linearRng = seededRandom(seed);
  const fastRng = seededRandom(seed);
  let now = 0;
  for (const probe of probes) {
    now += probe.dtMs;
    const ctx = (rng: () => number) => makeContext({ ...probe.ctx, rng, nowMs: now });
    const linear = evaluateChainLinear(
      ruleset,
      c.table,
      probe.chain,
      probe.packet,
      ctx(linearRng),
      linearState,
    );
    const fast = evaluateChainFast(
      compiled.value,
      c.table,
      probe.chain,
      probe.packet,
      ctx(fastRng),
      fastState,
    );
    expect(fast).toEqual(linear);
    expect(fastState).toEqual(linearState);
  }
  // Same number of draws: the next value of both streams is the same.
  expect(fastRng()).toBe(linearRng());
}

const withProbes = caseArb.chain((c) =>
  fc.tuple(
    fc.constant(c),
    fc.array(probeArb(c), { minLength: 1, maxLength: 10 }),
    fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  ),
);

describe('fast evaluator = linear evaluator (random rulesets)', () => {
  it('iptables takes most generated rules, and every ruleset compiles', () => {
    let commands = 0;
    let refused = 0;
    for (const c of fc.sample(caseArb, { numRuns: 200, seed: 1 })) {
      commands += c.commands.length;
      refused += load(c).refused;
      expect(compileRuleset(loaded(c)).ok).toBe(true);
    }
    expect(refused / commands).toBeLessThan(0.15);
  });

  it('the generators reach every match and target module the evaluators support', () => {
    const seen = new Set<string>();
    for (const c of fc.sample(caseArb, { numRuns: 300, seed: 7 })) {
      for (const t of Object.values(loaded(c).tables))
        for (const chain of t.chains.values())
          for (const { rule } of chain.rules) {
            for (const m of rule.matches) seen.add(`-m ${m.name}`);
            if (rule.target)
              seen.add(
                rule.target.kind === 'chain'
                  ? rule.target.goto
                    ? '-g'
                    : '-j chain'
                  : `-j ${rule.target.name}`,
              );
            if (rule.src?.negated) seen.add('! -s');
            if (rule.fragment) seen.add('-f');
          }
    }
    for (const name of [
      'addrtype',
      'comment',
      'conntrack',
      'icmp',
      'iprange',
      'mark',
      'multiport',
      'nfacct',
      'physdev',
      'recent',
      'sctp',
      'set',
      'state',
      'statistic',
      'tcp',
      'udp',
    ])
      expect(seen).toContain(`-m ${name}`);
    for (const target of [
      'ACCEPT',
      'DROP',
      'RETURN',
      'DNAT',
      'SNAT',
      'MASQUERADE',
      'MARK',
      'REJECT',
      'LOG',
      'NFLOG',
    ])
      expect(seen).toContain(`-j ${target}`);
    for (const other of ['-g', '-j chain', '! -s', '-f']) expect(seen).toContain(other);
  });

  it('agree on results, steps, counters, recent lists and random draws', () => {
    fc.assert(
      fc.property(withProbes, ([c, probes, seed]) => checkAgreement(c, probes, seed)),
      { numRuns: 1000 },
    );
  });
});

describe('fast evaluator = linear evaluator (kube-proxy at scale)', () => {
  it('agree on first packets through 300 Services, where KUBE-SERVICES is indexed', () => {
    const ruleset = kubeProxyRuleset(syntheticCluster(300, 3));
    const compiled = compileRuleset(ruleset);
    if (!compiled.ok) throw new Error(compiled.error.message);
    const index = compiled.value.tables.nat.chains.get('KUBE-SERVICES')?.index;
    expect(index?.merged).toBe(true);
    const service = fc.nat({ max: 299 }).map(clusterIpOf);
    const probe = fc.record({
      dst: fc.oneof(service, service, fc.ipV4()),
      dport: fc.constantFrom(80, 80, 80, 8080, 443),
      proto: fc.constantFrom(6, 6, 17),
      sport: fc.integer({ min: 1024, max: 65535 }),
    });
    let dnat = 0;
    fc.assert(
      fc.property(fc.array(probe, { minLength: 1, maxLength: 20 }), fc.nat(), (probes, seed) => {
        const linearState = createEvalState();
        const fastState = createEvalState();
        const linearRng = seededRandom(seed);
        const fastRng = seededRandom(seed);
        for (const p of probes) {
          const packet = makePacket({ src: '10.44.0.2', ...p });
          const ctx = (rng: () => number) =>
            makeContext({ inIface: 'weave', addresses: V4.node, rng, ct: ctFor('new', packet, 4) });
          const linear = evaluateChainLinear(
            ruleset,
            'nat',
            'PREROUTING',
            packet,
            ctx(linearRng),
            linearState,
          );
          const fast = evaluateChainFast(
            compiled.value,
            'nat',
            'PREROUTING',
            packet,
            ctx(fastRng),
            fastState,
          );
          expect(fast).toEqual(linear);
          if (linear.verdict.kind === 'NAT') dnat++;
        }
        expect(fastState).toEqual(linearState);
        expect(fastRng()).toBe(linearRng());
      }),
      { numRuns: 60 },
    );
    expect(dnat).toBeGreaterThan(40);
  });
});
