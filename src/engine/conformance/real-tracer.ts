/**
 * The real tracer for a conformance case's packet flows: the node's kernel tables after the sync
 * (kube-proxy's jump rules plus its restore input) run through podpath's own netfilter evaluator
 * with conntrack, hook by hook as the simulator does for one node. Each sampled connection (a new
 * source port, seeded) must end on one of the flow's listed outputs, with the masquerade outcome
 * matching; and every listed endpoint must be reached by some connection.
 *
 * The test node is upstream's fake node: its addresses are `config.nodeInterfaceAddresses` (the
 * loopback ones on `lo`, the others on `eth0`), a packet from one of them is sent by a local
 * process (OUTPUT), any other arrives on `eth0` or, from a pod, on the pod interface the local
 * traffic detector names (PREROUTING); after the nat decision a local destination is delivered
 * (INPUT) and any other is forwarded out of `eth0` (FORWARD, POSTROUTING).
 */
import type { Ruleset } from '../iptables/ruleset.ts';
import type { ProxierConfig } from '../kubeproxy/config.ts';
import type { Ip } from '../net/ip.ts';
import { cidrContains, formatIp, joinHostPort, parseCidr, parseIp } from '../net/ip.ts';
import { matchesAddressType, TYPE_LOCAL } from '../netfilter/address-types.ts';
import { compileRuleset } from '../netfilter/compiled-ruleset.ts';
import type { ConntrackTable } from '../netfilter/conntrack.ts';
import { conntrackConfirm, conntrackIn, createConntrackTable } from '../netfilter/conntrack.ts';
import type { CtInfo, EvalContext, InterfaceAddress } from '../netfilter/context.ts';
import { formatNetfilterError } from '../netfilter/errors.ts';
import type { EvalState } from '../netfilter/eval-state.ts';
import { createEvalState } from '../netfilter/eval-state.ts';
import { formatSteps } from '../netfilter/format-steps.ts';
import type { Hook, HookResult } from '../netfilter/hook.ts';
import { hookDropText, runHook } from '../netfilter/hook.ts';
import type { Packet } from '../netfilter/packet.ts';
import { TCP_SYN } from '../netfilter/packet.ts';
import { seededRandom } from '../netfilter/rng.ts';
import type { RulesetEvaluator } from '../netfilter/ruleset-evaluator.ts';
import { fastEvaluator } from '../netfilter/ruleset-evaluator.ts';
import type { PacketFlow } from './case-types.ts';

/** Connections sampled per flow. */
export const REAL_TRACER_CONNECTIONS = 200;

const PROTOCOLS: Readonly<Record<string, number>> = { tcp: 6, udp: 17, sctp: 132 };

/** What happened to one connection's first packet, in the flow's vocabulary. */
export interface RealOutcome {
  /** `ip:port` of the DNAT, `DROP`, `REJECT`, `ACCEPT` (a rule accepted it) or '' (nothing). */
  readonly output: string;
  /** The connection was source-NATed (MASQUERADE/SNAT) on its way out. */
  readonly masq: boolean;
  /** The hooks it went through, one line each, for a failure report. */
  readonly path: readonly string[];
  /** A problem outside the rules' verdicts (evaluation error, conntrack refusing it). */
  readonly problem: string | null;
}

/** The fake node's interface addresses: loopback ones on `lo`, the others on `eth0`. */
function nodeAddresses(config: ProxierConfig): InterfaceAddress[] {
  const out: InterfaceAddress[] = [];
  for (const text of config.nodeInterfaceAddresses) {
    // The host address itself (parseCidr would mask it to the network).
    const [addr = '', prefixText = ''] = text.split('/');
    const ip = parseIp(addr);
    const cidr = parseCidr(text);
    if (!ip || !cidr) continue;
    const loopback =
      (ip.family === 4 && ip.value >>> 24 === 127) || (ip.family === 6 && ip.value === 1n);
    out.push({ iface: loopback ? 'lo' : 'eth0', ip, prefix: Number(prefixText) });
  }
  return out;
}

/** Upstream's test pods: the detector's CIDR, or the tests' pod ranges for interface detectors. */
function isPodAddress(config: ProxierConfig, ip: Ip): boolean {
  const d = config.localDetector;
  const text =
    d.mode === 'ClusterCIDR' || d.mode === 'NodeCIDR'
      ? d.cidr
      : ip.family === 4
        ? '10.0.0.0/8'
        : 'fd00:10::/64';
  const cidr = parseCidr(text);
  return cidr !== null && cidr.ip.family === ip.family && cidrContains(cidr, ip);
}

/** The interface a pod's packet arrives on, as the local traffic detector expects it. */
function podInterface(config: ProxierConfig): string {
  const d = config.localDetector;
  if (d.mode === 'BridgeInterface') return d.bridge;
  if (d.mode === 'InterfaceNamePrefix') return `${d.prefix}0a1b2c3d`;
  return 'cbr0';
}

/** One node: its evaluator, addresses, conntrack table and rule state. */
export interface FlowNode {
  readonly config: ProxierConfig;
  readonly evaluator: RulesetEvaluator;
  readonly addresses: readonly InterfaceAddress[];
  readonly conntrack: ConntrackTable;
  readonly state: EvalState;
}

/** The node for `ruleset`, or the reason its tables cannot be evaluated. */
export function flowNode(config: ProxierConfig, ruleset: Ruleset): FlowNode | string {
  const compiled = compileRuleset(ruleset);
  if (!compiled.ok) return formatNetfilterError(compiled.error);
  return {
    config,
    evaluator: fastEvaluator(compiled.value),
    addresses: nodeAddresses(config),
    conntrack: createConntrackTable(),
    state: createEvalState(),
  };
}

interface Walk {
  readonly node: FlowNode;
  readonly rng: () => number;
  readonly nowMs: number;
  readonly path: string[];
  output: string;
  masq: boolean;
}

function isLocal(node: FlowNode, ip: Ip): boolean {
  return matchesAddressType(ip, TYPE_LOCAL, node.addresses, null);
}

/** Runs a hook; returns its result, or the outcome when the packet ends there. */
function hook(
  w: Walk,
  name: Hook,
  p: Packet,
  ct: CtInfo,
  inIface: string | null,
  outIface: string | null,
): HookResult | RealOutcome {
  const ctx: EvalContext = {
    inIface,
    outIface,
    physdev: null,
    addresses: w.node.addresses,
    ipsets: new Map(),
    ct,
    rng: w.rng,
    nowMs: w.nowMs,
  };
  const r = runHook(w.node.evaluator, name, p, ctx, w.node.state, { conntrack: w.node.conntrack });
  const tables = r.tables.map((t) =>
    t.result ? formatSteps(t.result) : `${t.table} ${name} (${t.skipped ?? ''})`,
  );
  w.path.push(`${name}: ${tables.join('; ')}`);
  if (r.nat?.decided && r.nat.manip === 'dst')
    w.output = joinHostPort(formatIp(r.nat.to.addr), r.nat.to.port);
  if (r.nat?.decided && r.nat.manip === 'src') w.masq = true;
  const v = r.verdict;
  const end = (output: string, problem: string | null = null): RealOutcome => ({
    output,
    masq: w.masq,
    path: w.path,
    problem,
  });
  if (v.kind === 'DROP') return end('DROP', r.reason && hookDropText(r.reason));
  if (v.kind === 'REJECT') return end('REJECT');
  if (v.kind === 'ERROR') return end('', v.error.message);
  // An explicit ACCEPT in the filter table (e.g. a health check NodePort) counts as output "ACCEPT".
  const filter = r.tables.find((t) => t.table === 'filter')?.result;
  const last = filter?.steps.at(-1);
  if (w.output === '' && last?.effect.kind === 'accept') w.output = 'ACCEPT';
  return r;
}

const ended = (x: HookResult | RealOutcome): x is RealOutcome => 'output' in x;

function confirm(w: Walk, ct: CtInfo): RealOutcome | null {
  if (!ct.entry || conntrackConfirm(w.node.conntrack, ct)) return null;
  return { output: '', masq: w.masq, path: w.path, problem: 'conntrack refused the connection' };
}

function done(w: Walk): RealOutcome {
  return { output: w.output, masq: w.masq, path: w.path, problem: null };
}

/** After the nat decision: delivered locally (INPUT) or forwarded out of eth0. */
function afterRouting(w: Walk, p: Packet, ct: CtInfo, inIface: string): RealOutcome {
  if (isLocal(w.node, p.dst)) {
    const input = hook(w, 'INPUT', p, ct, inIface, null);
    if (ended(input)) return input;
    return confirm(w, input.ct) ?? done(w);
  }
  const fwd = hook(w, 'FORWARD', { ...p, ttl: p.ttl - 1 }, ct, inIface, 'eth0');
  if (ended(fwd)) return fwd;
  const post = hook(w, 'POSTROUTING', fwd.packet, fwd.ct, null, 'eth0');
  if (ended(post)) return post;
  return confirm(w, post.ct) ?? done(w);
}

/** The first packet of one connection through the node. */
export function traceConnection(
  node: FlowNode,
  packet: Packet,
  rng: () => number,
  nowMs: number,
): RealOutcome {
  const w: Walk = { node, rng, nowMs, path: [], output: '', masq: false };
  const ct = conntrackIn(node.conntrack, packet, nowMs);
  if (isLocal(node, packet.src)) {
    // A local process: OUTPUT, re-routing after DNAT, POSTROUTING (and INPUT over lo).
    const outIface = isLocal(node, packet.dst) ? 'lo' : 'eth0';
    const out = hook(w, 'OUTPUT', packet, ct, null, outIface);
    if (ended(out)) return out;
    const local = isLocal(node, out.packet.dst);
    const post = hook(w, 'POSTROUTING', out.packet, out.ct, null, local ? 'lo' : 'eth0');
    if (ended(post)) return post;
    if (!local) return confirm(w, post.ct) ?? done(w);
    const input = hook(w, 'INPUT', post.packet, post.ct, 'lo', null);
    if (ended(input)) return input;
    return confirm(w, input.ct) ?? done(w);
  }
  const inIface = isPodAddress(node.config, packet.src) ? podInterface(node.config) : 'eth0';
  const pre = hook(w, 'PREROUTING', packet, ct, inIface, null);
  if (ended(pre)) return pre;
  return afterRouting(w, pre.packet, pre.ct, inIface);
}

/** The flow's packet with a source port drawn from Linux's ephemeral range (not `used` yet). */
function flowPacket(flow: PacketFlow, rng: () => number, used: Set<number>): Packet | string {
  const src = parseIp(flow.sourceIP);
  const dst = parseIp(flow.destIP);
  const proto = PROTOCOLS[flow.protocol.toLowerCase()];
  if (!src || !dst) return `bad address in flow "${flow.sourceIP}" → "${flow.destIP}"`;
  if (proto === undefined) return `protocol "${flow.protocol}" is not supported`;
  let sport: number;
  do sport = 32768 + Math.floor(rng() * (60999 - 32768 + 1));
  while (used.has(sport));
  used.add(sport);
  return {
    src,
    dst,
    proto,
    sport,
    dport: flow.destPort,
    mark: 0,
    length: 60,
    ttl: 64,
    tcpFlags: proto === 6 ? TCP_SYN : 0,
  };
}

/**
 * What a flow check found: null when it passed, else why not. Each flow starts from an empty
 * conntrack table and fresh rule state, and its connections use distinct source ports.
 */
export function checkFlowReal(
  base: FlowNode,
  flow: PacketFlow,
  seed: string,
  connections = REAL_TRACER_CONNECTIONS,
): string | null {
  const node: FlowNode = { ...base, conntrack: createConntrackTable(), state: createEvalState() };
  const rng = seededRandom(seed);
  const used = new Set<number>();
  const allowed = new Set(flow.output === '' ? [''] : flow.output.split(', '));
  const seen = new Map<string, number>();
  for (let i = 0; i < connections; i++) {
    const packet = flowPacket(flow, rng, used);
    if (typeof packet === 'string') return packet;
    const o = traceConnection(node, packet, rng, i * 10);
    const describe = () =>
      [
        `connection ${i + 1} of ${connections} (source port ${packet.sport}): ` +
          `got "${o.output}" masq ${o.masq}${o.problem ? ` (${o.problem})` : ''}, ` +
          `expected one of "${[...allowed].join('", "')}" masq ${flow.masq}`,
        ...o.path.map((line) => `  ${line}`),
      ].join('\n');
    if (o.problem !== null || !allowed.has(o.output) || o.masq !== flow.masq) return describe();
    seen.set(o.output, (seen.get(o.output) ?? 0) + 1);
  }
  const missing = [...allowed].filter((x) => !seen.has(x));
  if (missing.length > 0) {
    const got = [...seen]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, n]) => `"${k}" ${n}x`)
      .join(', ');
    return `no connection reached "${missing.join('", "')}" (got ${got})`;
  }
  return null;
}
