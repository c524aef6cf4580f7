/**
 * Bench section `traces`: first-packet traces per second through a node with 10,000 ClusterIP
 * Services × 5 endpoints, for the fast and the linear (oracle) evaluator, and their ratio.
 * Budget (issue 3): ≥ 100,000 connections/s with the fast evaluator, and ≥ 50× the linear one.
 *
 * A first-packet trace is what a burst of new connections costs the client's node in the
 * simulator up to each one's DNAT decision: conntrack's lookup and new entry, PREROUTING (raw,
 * mangle, nat: KUBE-SERVICES → KUBE-SVC → KUBE-SEP) with the explanation steps every table returns,
 * and the conntrack confirm. Connections go from scattered pods to Services in a scattered order
 * (so the figure includes cache misses over the whole ruleset), each from its own source port,
 * into one growing conntrack table. Also printed: the whole way through the node (FORWARD,
 * POSTROUTING), the nat table's walk alone (where the two evaluators differ), and the fast trace
 * through 100 Services, whose rules stay in the CPU caches: the same work per connection, so the
 * difference is what the large ruleset costs in waiting on memory.
 *
 * Imports the netfilter folder's own API (src/engine/netfilter/index.ts): src/engine/index.ts
 * does not export the evaluators.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Ruleset } from '../../src/engine/iptables/ruleset.ts';
import {
  defaultProxierConfig,
  formatRestoreDocument,
  generateRestoreDocument,
  loadRestore,
  withKubeProxyJumps,
} from '../../src/engine/index.ts';
import {
  compileRuleset,
  conntrackConfirm,
  conntrackCreate,
  conntrackIn,
  createConntrackTable,
  createEvalState,
  fastEvaluator,
  linearEvaluator,
  makeContext,
  makePacket,
  runHook,
  seededRandom,
  type CompiledRuleset,
  type CtInfo,
  type EvalContext,
  type Hook,
  type Packet,
  type RulesetEvaluator,
} from '../../src/engine/netfilter/index.ts';
import { clusterIpOf, endpointIpOf, syntheticCluster } from './synthetic.ts';

const SERVICES = 10_000;
/** A ruleset small enough to stay in the CPU caches, for comparison. */
const FEW_SERVICES = 100;
const ENDPOINTS = 5;
const BURST = 20_000;
const LINEAR_BURST = 1_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A node's kube-proxy ruleset for `count` Services, and a burst of first packets to them. */
interface Workload {
  readonly ruleset: Ruleset;
  readonly compiled: CompiledRuleset;
  /** Nat rules in the ruleset. */
  readonly rules: number;
  /** Service of each connection of the burst. */
  readonly services: readonly number[];
  readonly packets: readonly Packet[];
  readonly buildMs: number;
  readonly compileMs: number;
}

function workload(count: number): Workload {
  let t0 = performance.now();
  const config = defaultProxierConfig('node1', '192.168.56.11');
  const doc = formatRestoreDocument(
    generateRestoreDocument(syntheticCluster(count, ENDPOINTS), config),
  );
  const loaded = loadRestore(withKubeProxyJumps(config), doc);
  if (!loaded.ok) throw new Error(loaded.error);
  const ruleset = loaded.ruleset;
  const buildMs = performance.now() - t0;
  t0 = performance.now();
  const compiled = compileRuleset(ruleset);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const compileMs = performance.now() - t0;
  const rules = [...ruleset.tables.nat.chains.values()].reduce((n, c) => n + c.rules.length, 0);
  // Connection i goes from a pod to Service (i · 7919 mod count), a prime stride.
  const services = Array.from({ length: BURST }, (_, i) => (i * 7919) % count);
  const packets = services.map((svc, i) =>
    makePacket({
      src: `10.44.${(i >> 8) & 255}.${(i % 250) + 1}`,
      dst: clusterIpOf(svc),
      proto: 'tcp',
      sport: 32768 + (i % 28000),
      dport: 80,
      tcpFlags: 0x02,
    }),
  );
  return { ruleset, compiled: compiled.value, rules, services, packets, buildMs, compileMs };
}

const big = workload(SERVICES);

const node = makeContext({
  addresses: ['eth0 192.168.56.11/24', 'lo 127.0.0.1/8', 'weave 10.32.0.1/12'],
});

/**
 * How much of a first packet's way a burst measures: `dnat` to its DNAT decision (conntrack,
 * PREROUTING, confirm), `node` until it leaves the node (also FORWARD, POSTROUTING), `table` the
 * nat table's walk alone (what differs between the evaluators).
 */
type Scope = 'table' | 'dnat' | 'node';

/**
 * Runs the first packets of `count` connections into one conntrack table and rule state; returns
 * how many were DNATed.
 */
function burst(
  evaluator: RulesetEvaluator,
  packets: readonly Packet[],
  count: number,
  scope: Scope,
): number {
  const conntrack = createConntrackTable();
  const state = createEvalState();
  const rng = seededRandom(7);
  // Built field by field, as the simulator's walk builds each hook's context (sim/walk.ts).
  const ctxOf = (ct: CtInfo, inIface: string | null, outIface: string | null): EvalContext => ({
    inIface,
    outIface,
    physdev: null,
    addresses: node.addresses,
    ipsets: node.ipsets,
    ct,
    rng,
    nowMs: 0,
  });
  const hook = (name: Hook, p: Packet, ct: CtInfo, i: string | null, o: string | null) =>
    runHook(evaluator, name, p, ctxOf(ct, i, o), state, { conntrack });
  let dnated = 0;
  if (scope === 'table') {
    // The evaluator alone: the nat table's PREROUTING walk of each first packet.
    for (let i = 0; i < count; i++) {
      const p = packets[i]!;
      const ct: CtInfo = { state: 'NEW', dir: 'ORIGINAL', entry: conntrackCreate(p, 0) };
      const r = evaluator.evaluate('nat', 'PREROUTING', p, ctxOf(ct, 'weave', null), state);
      if (r.verdict.kind === 'NAT') dnated++;
    }
    return dnated;
  }
  for (let i = 0; i < count; i++) {
    const p = packets[i]!;
    const pre = hook('PREROUTING', p, conntrackIn(conntrack, p, 0), 'weave', null);
    if (pre.verdict.kind !== 'ACCEPT') continue;
    let ct = pre.ct;
    if (scope === 'node') {
      const fwd = hook('FORWARD', { ...pre.packet, ttl: 63 }, ct, 'weave', 'eth0');
      if (fwd.verdict.kind !== 'ACCEPT') continue;
      const post = hook('POSTROUTING', fwd.packet, fwd.ct, null, 'eth0');
      if (post.verdict.kind !== 'ACCEPT') continue;
      ct = post.ct;
    }
    if (!conntrackConfirm(conntrack, ct)) continue;
    if (pre.nat?.manip === 'dst') dnated++;
  }
  return dnated;
}

/** Connections per second of a burst: by the wall clock and per CPU second of this process. */
interface Rate {
  readonly wall: number;
  readonly cpu: number;
}

/** One burst's rates (and a check that every connection was DNATed). */
function rate(
  evaluator: RulesetEvaluator,
  count: number,
  scope: Scope = 'dnat',
  packets: readonly Packet[] = big.packets,
): Rate {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const dnated = burst(evaluator, packets, count, scope);
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - start;
  if (dnated !== count) throw new Error(`only ${dnated} of ${count} connections were DNATed`);
  return { wall: (count / wallMs) * 1000, cpu: (count / ((cpu.user + cpu.system) / 1000)) * 1000 };
}

/** Medians of `runs` bursts. */
function rates(
  evaluator: RulesetEvaluator,
  count: number,
  runs: number,
  scope: Scope = 'dnat',
  packets: readonly Packet[] = big.packets,
): Rate {
  const xs = Array.from({ length: runs }, () => rate(evaluator, count, scope, packets));
  return { wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) };
}

/** Dotted text of an IPv4 address value. */
const dotted = (v: number) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');

// Each connection lands on one of its own Service's endpoints (checked outside the timing).
{
  const conntrack = createConntrackTable();
  const ctx = { ...node, inIface: 'weave', rng: seededRandom(1) };
  for (let i = 0; i < 100; i++) {
    const p = big.packets[i]!;
    const ct = conntrackIn(conntrack, p, 0);
    const r = runHook(
      fastEvaluator(big.compiled),
      'PREROUTING',
      p,
      { ...ctx, ct },
      createEvalState(),
    );
    const to = r.nat ? `${dotted(r.nat.to.addr.value as number)}:${r.nat.to.port}` : 'nothing';
    const allowed = Array.from(
      { length: ENDPOINTS },
      (_, k) => `${endpointIpOf(big.services[i]!, k, ENDPOINTS)}:8080`,
    );
    if (!allowed.includes(to))
      throw new Error(`connection ${i} went to ${to}, not to ${allowed.join(' or ')}`);
  }
}

const fast = fastEvaluator(big.compiled);
const linear = linearEvaluator(big.ruleset);
// The first burst builds each rule's text and counter; later ones let the JIT settle.
const cold = rate(fast, BURST);
for (let k = 0; k < 4; k++) rate(fast, BURST);
const fastRate = rates(fast, BURST, 5);
rate(linear, 200);
const linearRate = rates(linear, LINEAR_BURST, 3);
for (let k = 0; k < 2; k++) rate(fast, BURST, 'node');
const wholeRate = rates(fast, BURST, 3, 'node');
for (let k = 0; k < 2; k++) rate(fast, BURST, 'table');
const fastTable = rates(fast, BURST, 3, 'table');
const linearTable = rates(linear, LINEAR_BURST, 3, 'table');
// The same walk through a small ruleset: the same code and the same rules per connection, read
// from the CPU caches instead of memory.
const few = workload(FEW_SERVICES);
const fewFast = fastEvaluator(few.compiled);
for (let k = 0; k < 4; k++) rate(fewFast, BURST, 'dnat', few.packets);
const fewRate = rates(fewFast, BURST, 5, 'dnat', few.packets);

// The verdicts use the wall clock. The CPU-time figure (this process's threads, the garbage
// collector's helpers included) is printed beside it: on a machine busy with other work the wall
// clock mostly measures waiting for a core, so the load average is printed too.
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const both = (r: Rate) => `${n(r.wall)} connections/s (${n(r.cpu)} per CPU second)`;
const ratio = fastRate.wall / linearRate.wall;
const micros = (r: Rate) => (1e6 / r.cpu).toFixed(1);
const load = loadavg()[0]!.toFixed(1);
console.log(
  [
    `traces ruleset: ${n(SERVICES)} Services x ${ENDPOINTS} endpoints, ${n(big.rules)} nat rules; built in ${n(big.buildMs)} ms, compiled for the fast evaluator in ${n(big.compileMs)} ms; load average ${load}`,
    `traces fast: ${both(fastRate)}: a new connection's first packet to its DNAT decision (conntrack, PREROUTING raw/mangle/nat with every step explained, confirm); median of 5 bursts of ${n(BURST)} to scattered Services, the very first ${n(cold.wall)}/s  (budget ≥ 100,000 connections/s: ${verdict(fastRate.wall >= 100_000)})`,
    `traces linear: ${both(linearRate)}: the same, median of 3 bursts of ${n(LINEAR_BURST)}`,
    `fast/linear ratio: ${ratio.toFixed(0)}x (per CPU second ${(fastRate.cpu / linearRate.cpu).toFixed(0)}x) (budget ≥ 50x: ${verdict(ratio >= 50)})`,
    `traces fast, whole node: ${both(wholeRate)}: also FORWARD and POSTROUTING, as the packet leaves for the endpoint's node`,
    `evaluators alone (the nat table's PREROUTING walk, no conntrack or hook): fast ${n(fastTable.wall)}/s, linear ${n(linearTable.wall)}/s, ratio ${(fastTable.wall / linearTable.wall).toFixed(0)}x`,
    `traces fast with ${n(FEW_SERVICES)} Services: ${both(fewRate)}, ${micros(fewRate)} µs of CPU per connection against ${micros(fastRate)} µs with ${n(SERVICES)}: each connection walks the same 8 or so rules in both; with ${n(SERVICES)} Services they are read from memory, not the CPU caches (the linear walk costs ${micros(linearRate)} µs)`,
  ].join('\n'),
);
