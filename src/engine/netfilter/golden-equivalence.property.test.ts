/**
 * Property: on every golden scenario's nodes (kube-proxy's rules plus the CNI's, as the simulator
 * loads them), the fast evaluator gives exactly the linear oracle's results. Packets are drawn
 * from the rules' own addresses and ports (Service IPs, NodePorts, endpoints, node and pod
 * addresses) and random ones; every built-in chain of every table is evaluated, packet after
 * packet against the same evolving state (counters, session-affinity `recent` lists).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../cni/build-network.ts';
import { nodeTables } from '../cni/cni-rules.ts';
import { addressSpecs, ipSetLists } from '../cni/context-inputs.ts';
import type { Ruleset, TableName } from '../iptables/ruleset.ts';
import { BUILTIN_CHAINS, TABLE_NAMES } from '../iptables/ruleset.ts';
import { compileManifests } from '../k8s/compile.ts';
import { formatIp, parseIp } from '../net/ip.ts';
import { compileRuleset } from './compiled-ruleset.ts';
import type { CompiledRuleset } from './compiled-ruleset.ts';
import { conntrackCreate } from './conntrack.ts';
import { bindDnat } from './conntrack-nat.ts';
import type { ContextSpec, CtInfo } from './context.ts';
import { makeContext } from './context.ts';
import { createEvalState } from './eval-state.ts';
import { evaluateChainFast } from './fast.ts';
import { evaluateChainLinear } from './linear.ts';
import { makePacket, TCP_ACK, TCP_SYN } from './packet.ts';
import { seededRandom } from './rng.ts';

const SCENARIOS = join(import.meta.dirname, '../../../scenarios');

interface NodeCase {
  readonly node: string;
  readonly ruleset: Ruleset;
  readonly compiled: CompiledRuleset;
  readonly context: ContextSpec;
  /** Addresses the rules, the node and the cluster mention. */
  readonly addresses: readonly string[];
  readonly ports: readonly number[];
  readonly ifaces: readonly string[];
  /** Destinations the rules test for (address, protocol, port), to aim packets at. */
  readonly aims: readonly Aim[];
}

interface Aim {
  readonly dst: string | null;
  readonly proto: number | null;
  readonly dport: number | null;
}

/** Every address a rule names (hosts of its networks too), every port, every DNAT target. */
function ruleFacts(ruleset: Ruleset): {
  addresses: Set<string>;
  ports: Set<number>;
  aims: Aim[];
} {
  const addresses = new Set<string>();
  const ports = new Set<number>();
  const aims: Aim[] = [];
  const addHostsOf = (ip: NonNullable<ReturnType<typeof parseIp>>, prefix: number) => {
    addresses.add(formatIp(ip));
    if (ip.family === 4 && prefix < 32) {
      addresses.add(formatIp({ family: 4, value: (ip.value + 1) >>> 0 }));
      const size = 2 ** (32 - prefix);
      addresses.add(formatIp({ family: 4, value: (ip.value + size - 1) >>> 0 }));
    }
  };
  for (const table of TABLE_NAMES) {
    for (const chain of ruleset.tables[table].chains.values()) {
      for (const { rule } of chain.rules) {
        for (const m of [rule.src, rule.dst]) if (m) addHostsOf(m.cidr.ip, m.cidr.prefix);
        const dport = rule.matches
          .flatMap((m) => m.options)
          .find((o) => o.name === 'dport' && /^\d+$/.test(o.values[0] ?? ''));
        if (rule.dst?.cidr.prefix === 32 || dport)
          aims.push({
            dst: rule.dst?.cidr.prefix === 32 ? formatIp(rule.dst.cidr.ip) : null,
            proto: rule.proto?.number ?? null,
            dport: dport ? Number(dport.values[0]) : null,
          });
        const options = [
          ...rule.matches.flatMap((m) => m.options),
          ...(rule.target?.options ?? []),
        ];
        for (const o of options) {
          for (const v of o.values) {
            for (const part of v.split(/[,:\-/[\]]/)) {
              if (/^\d{1,5}$/.test(part) && Number(part) <= 65535) ports.add(Number(part));
            }
            const hostPort = /^\[?([0-9a-f.:]+?)\]?(?::\d+)?$/.exec(v);
            const ip = hostPort ? parseIp(hostPort[1] ?? '') : null;
            if (ip) addresses.add(formatIp(ip));
          }
        }
      }
    }
  }
  return { addresses, ports, aims };
}

function scenarioNodes(name: string): NodeCase[] {
  const text = readFileSync(join(SCENARIOS, name, 'scenario.yaml'), 'utf8');
  const cluster = compileManifests([{ name: 'scenario.yaml', text }]).cluster;
  if (!cluster) throw new Error(`scenario ${name} does not compile`);
  const network = buildNetwork(cluster);
  return network.nodes.map((net) => {
    const tables = nodeTables(cluster, net.node);
    const compiled = compileRuleset(tables.ruleset);
    if (!compiled.ok) throw new Error(compiled.error.message);
    const facts = ruleFacts(tables.ruleset);
    for (const p of cluster.pods) if (p.ip) facts.addresses.add(p.ip);
    for (const n of cluster.nodes) facts.addresses.add(n.internalIP);
    const hostAddresses = addressSpecs(net.host);
    for (const a of hostAddresses) facts.addresses.add(a.split(' ')[1]!.split('/')[0]!);
    const ifaces = new Set<string>(['eth0', 'lo']);
    for (const ns of [net.host, ...net.pods]) for (const i of ns.interfaces) ifaces.add(i.name);
    return {
      node: net.node,
      ruleset: tables.ruleset,
      compiled: compiled.value,
      context: { addresses: hostAddresses, ipsets: ipSetLists(tables.ipsets) },
      addresses: [...facts.addresses].filter((a) => parseIp(a)?.family === 4),
      ports: [...facts.ports],
      ifaces: [...ifaces],
      aims: facts.aims,
    };
  });
}

interface Probe {
  readonly table: TableName;
  readonly chain: string;
  readonly spec: Parameters<typeof makePacket>[0];
  readonly ct: 'new' | 'established' | 'dnat' | 'invalid';
  readonly inIface: string | null;
  readonly outIface: string | null;
  readonly physdev: { in: string | null; out: string | null } | null;
  readonly dtMs: number;
}

const HOOKS: readonly [TableName, string][] = TABLE_NAMES.flatMap((t) =>
  BUILTIN_CHAINS[t].map((c): [TableName, string] => [t, c]),
);

function probeArb(n: NodeCase): fc.Arbitrary<Probe> {
  const address = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...n.addresses) },
    { weight: 1, arbitrary: fc.ipV4() },
  );
  const port = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...n.ports) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 65535 }) },
  );
  const iface = fc.option(fc.constantFrom(...n.ifaces), { freq: 4 });
  const random = fc.record({
    dst: address,
    proto: fc.constantFrom(6, 6, 6, 17, 17, 132, 1),
    dport: port,
  });
  const aimed =
    n.aims.length === 0
      ? random
      : fc.tuple(fc.constantFrom(...n.aims), random).map(([a, r]) => ({
          dst: a.dst ?? r.dst,
          proto: a.proto ?? r.proto,
          dport: a.dport ?? r.dport,
        }));
  return fc
    .record({
      hook: fc.constantFrom(...HOOKS),
      src: address,
      to: fc.oneof({ weight: 3, arbitrary: aimed }, { weight: 1, arbitrary: random }),
      sport: port,
      mark: fc.constantFrom(0, 0, 0, 0x4000, 0x8000, 0x20000, 0x24000),
      flags: fc.constantFrom(TCP_SYN, TCP_ACK, TCP_SYN | TCP_ACK),
      ct: fc.constantFrom<Probe['ct']>('new', 'new', 'established', 'dnat', 'invalid'),
      inIface: iface,
      outIface: iface,
      physdev: fc.option(
        fc.record({
          in: fc.option(fc.constantFrom('vethwe-bridge', ...n.ifaces)),
          out: fc.option(fc.constantFrom('vethwe-bridge', ...n.ifaces)),
        }),
        { freq: 2 },
      ),
      dtMs: fc.constantFrom(0, 5, 1_000, 11_000_000),
    })
    .map((r) => ({
      table: r.hook[0],
      chain: r.hook[1],
      spec: {
        src: r.src,
        dst: r.to.dst,
        proto: r.to.proto,
        sport: r.sport,
        dport: r.to.dport,
        mark: r.mark,
        tcpFlags: r.to.proto === 6 ? r.flags : 0,
      },
      ct: r.ct,
      inIface: r.inIface,
      outIface: r.outIface,
      physdev: r.physdev,
      dtMs: r.dtMs,
    }));
}

function ctOf(kind: Probe['ct'], packet: ReturnType<typeof makePacket>): CtInfo {
  const entry = conntrackCreate(packet, 0);
  if (kind === 'new') return { state: 'NEW', dir: 'ORIGINAL', entry };
  if (kind === 'invalid') return { state: 'INVALID', dir: 'ORIGINAL', entry: null };
  if (kind === 'dnat')
    return {
      state: 'NEW',
      dir: 'ORIGINAL',
      entry: bindDnat(entry, parseIp('10.36.0.1') as NonNullable<ReturnType<typeof parseIp>>, 80),
    };
  return { state: 'ESTABLISHED', dir: 'ORIGINAL', entry };
}

function agree(n: NodeCase, probes: readonly Probe[], seed: number): void {
  const linearState = createEvalState();
  const fastState = createEvalState();
  const linearRng = seededRandom(seed);
  const fastRng = seededRandom(seed);
  let now = 0;
  for (const p of probes) {
    now += p.dtMs;
    const packet = makePacket(p.spec);
    const ctx = (rng: () => number) =>
      makeContext({
        ...n.context,
        inIface: p.inIface,
        outIface: p.outIface,
        physdev: p.physdev,
        ct: ctOf(p.ct, packet),
        rng,
        nowMs: now,
      });
    const linear = evaluateChainLinear(
      n.ruleset,
      p.table,
      p.chain,
      packet,
      ctx(linearRng),
      linearState,
    );
    const fast = evaluateChainFast(n.compiled, p.table, p.chain, packet, ctx(fastRng), fastState);
    expect(fast).toEqual(linear);
    expect(fast.verdict.kind).not.toBe('ERROR');
  }
  expect(fastState).toEqual(linearState);
  expect(fastRng()).toBe(linearRng());
}

describe('fast evaluator = linear evaluator on the golden scenarios', () => {
  for (const name of readdirSync(SCENARIOS).sort()) {
    it(name, () => {
      const nodes = scenarioNodes(name);
      const large = nodes.some((n) => n.ruleset.tables.nat.chains.size > 200);
      let nat = 0;
      for (const n of nodes) {
        fc.assert(
          fc.property(
            fc.array(probeArb(n), { minLength: 1, maxLength: 12 }),
            fc.integer({ min: 1, max: 2 ** 31 - 1 }),
            (probes, seed) => agree(n, probes, seed),
          ),
          { numRuns: large ? 15 : 40 },
        );
        // The packets reach the interesting rules: some first packets to Services get DNATed.
        for (const p of fc.sample(probeArb(n), { numRuns: 300, seed: 3 })) {
          if (p.table !== 'nat' || p.ct !== 'new') continue;
          const packet = makePacket(p.spec);
          const ctx = makeContext({ ...n.context, ct: ctOf('new', packet), rng: seededRandom(1) });
          const r = evaluateChainFast(n.compiled, 'nat', p.chain, packet, ctx, createEvalState());
          if (r.steps.some((s) => s.effect.kind === 'dnat')) nat++;
        }
      }
      expect(nat).toBeGreaterThan(0);
    });
  }
});
