import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  compileScenario,
  parseTraceArgs,
  renderTraceText,
  runTraceSpec,
  type Trace,
  type TraceMessage,
  type TraceMessageArgs,
  type TraceMessageId,
} from '../../engine/index.ts';
import { effectText, noteText } from './trace-language.ts';

const HANGUL = /[\uac00-\ud7a3]/;

/** One example per message id (the type asks for all of them). */
const SAMPLES: { readonly [K in TraceMessageId]: TraceMessageArgs[K] } = {
  podSends: { pod: 'default/client', dev: 'eth0' },
  hostSends: { node: 'node1' },
  outsideSends: { src: '203.0.113.50' },
  loopback: { dst: '172.17.0.2' },
  podNoRoute: { dst: '10.0.0.1' },
  offLink: { dst: '10.100.100.100', via: '10.44.0.0' },
  onLink: { dst: '10.44.0.1', dev: 'eth0' },
  arpBridge: { ip: '10.44.0.0', dev: 'weave' },
  arpPod: { ip: '10.44.0.1', pod: 'default/client' },
  arpPodOverlay: { ip: '10.44.0.1', pod: 'default/client', node: 'node1' },
  arpDev: { ip: '192.168.56.1', dev: 'eth0' },
  arpNoAnswer: { ip: '172.17.0.3' },
  arpNobody: { ip: '10.0.0.9' },
  docker0Nobody: {
    node: 'node2',
    ip: '172.17.0.3',
    holders: [
      { pod: 'kube-system/coredns-6db869f8d8-jjvx7', dev: 'eth0', node: 'master' },
      { pod: null, dev: 'docker0', node: 'node1' },
    ],
  },
  weaveNobody: { ip: '10.40.0.99' },
  lanNobody: { cidr: '192.168.56.0/24', ip: '192.168.56.99' },
  notBroadcast: { dev: 'lo', node: 'node1' },
  ehostunreach: {},
  veth: { dev: 'vethwepl3bf26cb', bridge: 'weave' },
  bridgeSwitches: { target: '10.36.0.1', bridge: 'weave' },
  bridgedDnat: { dst: '10.36.0.1', bridge: 'weave' },
  nodeRoutes: { node: 'node1', dst: '203.0.113.50', route: 'via 192.168.56.1 dev eth0' },
  localDelivery: { dst: '192.168.56.11', node: 'node1' },
  deliverProcess: { node: 'node1', dst: '192.168.56.11', port: 40665 },
  nodeNoRoute: { node: 'node1', dst: '10.0.0.1' },
  bridgeNoArp: { node: 'node1', bridge: 'weave', dst: '10.40.0.99' },
  noHairpin: { bridge: 'docker0', port: 'vethd4780d9' },
  fdb: { bridge: 'weave', dst: '10.36.0.1', port: 'vethwe-bridge' },
  vethIntoPod: { port: 'vethwepl3bf26cb' },
  deliverPod: { pod: 'default/web-1', dst: '10.36.0.1', port: 80 },
  hostRoute: { route: 'via 192.168.56.1 dev eth0', src: '192.168.56.11' },
  reroute: { route: 'dev weave' },
  encap: { vni: 8184751, src: '192.168.56.12', dst: '192.168.56.11', port: 6784 },
  wireOverlay: {
    from: 'node1',
    src: '192.168.56.11',
    to: 'node2',
    dst: '192.168.56.12',
    port: 6784,
  },
  decap: { node: 'node2' },
  noOverlay: { from: 'node1', to: 'node2', reason: 'Docker has no overlay' },
  wireLan: { from: 'node1', to: 'node2', ip: '192.168.56.12' },
  leavesCluster: { node: 'node1', dev: 'eth0', nextHop: '192.168.56.1' },
  wireToNode: { node: 'node1', via: '192.168.56.1' },
  notNodeAddress: { dst: '10.100.100.100' },
  nobodyOutside: { dst: '10.100.50.50', range: 'service', cidr: '10.96.0.0/12' },
  natSkipped: {},
  natRewrite: { manip: 'dst', from: '10.100.100.100:80', to: '10.36.0.1:80', fromConntrack: true },
  accepted: {},
  droppedByRule: {},
  rejectedIcmp: { with: 'icmp-port-unreachable' },
  masqueradeNoAddress: { family: 4, iface: 'eth1' },
  noFreePort: { target: 'SNAT', addr: '192.168.56.11' },
  evaluationError: { message: 'unknown match module "bpf"' },
  random: { probability: '0.33333333349', taken: true, draw: 0.21 },
  nth: { counter: 2, every: 3, taken: false },
  recent: { name: 'KUBE-SEP-ABC', command: 'rcheck', address: '10.44.0.1', matched: true },
  jump: { chain: 'KUBE-SVC-XYZ' },
  goto: { chain: 'KUBE-SEP-XYZ' },
  return: {},
  accept: {},
  drop: {},
  reject: { with: 'icmp-port-unreachable' },
  dnat: { to: '10.36.0.1:80' },
  snat: { to: '192.168.56.11' },
  masquerade: { to: '10.44.0.0', iface: 'weave' },
  mark: { from: '0x0', to: '0x4000' },
  log: { prefix: 'dropped: ' },
  nflog: { group: 5 },
  count: {},
  noMatch: {},
  chainEnd: {},
  policy: { policy: 'DROP' },
  droppedIn: { hook: 'FORWARD', rule: '-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP' },
  rejectedIn: {
    hook: 'INPUT',
    rule: '-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -j REJECT',
    with: 'icmp-port-unreachable',
  },
  conntrackClash: {},
  podNoRouteIn: { dst: '10.0.0.1', pod: 'default/client' },
  bridgeNobody: { node: 'node1', bridge: 'weave', dst: '10.40.0.99' },
  nobodyHas: { dst: '10.40.0.99' },
  replyMismatch: { from: '10.36.0.1:80', expected: '10.100.100.100:80' },
  noNode: { node: 'node9' },
  noNamespace: { id: 'node1/default/web-1' },
  nothingSent: {},
};

const samples = Object.entries(SAMPLES).map(([id, args]) => ({ id, args }) as TraceMessage);

/** Every string the arguments hold (addresses, names, quoted text), longest first. */
function argStrings(args: unknown): string[] {
  if (typeof args === 'string') return [args];
  if (typeof args === 'number') return [String(args)];
  if (Array.isArray(args)) return args.flatMap(argStrings);
  if (args && typeof args === 'object') return Object.values(args).flatMap(argStrings);
  return [];
}

/** Technical phrases Korean writes in English: the kernel's strerror text. */
const KEPT_ENGLISH = ['No route to host'];

/** Three English words in a row, once arguments and kept phrases are taken out. */
function englishSentence(text: string, args: unknown): string | null {
  let rest = text;
  for (const s of [...argStrings(args), ...KEPT_ENGLISH].sort((a, b) => b.length - a.length))
    rest = rest.split(s).join(' ');
  return /\b[A-Za-z]+[ ,]+[A-Za-z]+[ ,]+[A-Za-z]+\b/.exec(rest)?.[0] ?? null;
}

describe('Korean trace text', () => {
  test.each(samples.map((m) => [m.id, m] as const))('%s', (_id, m) => {
    const en = renderTraceText([m]);
    for (const ko of [noteText([m], 'ko'), effectText([m], 'ko')]) {
      expect(ko.trim()).not.toBe('');
      expect(ko).toMatch(HANGUL);
      expect(ko).not.toBe(en);
      expect(englishSentence(ko, m.args)).toBeNull();
    }
    expect(noteText([m], 'en')).toBe(en);
  });
});

const SCENARIOS = join(import.meta.dirname, '../../../scenarios');

/** The first connection of every golden trace (each `trace.*.args` of each scenario). */
function goldenTraces(): { label: string; trace: Trace }[] {
  const out: { label: string; trace: Trace }[] = [];
  for (const name of readdirSync(SCENARIOS).sort()) {
    const dir = join(SCENARIOS, name);
    const text = readFileSync(join(dir, 'scenario.yaml'), 'utf8');
    const { cluster } = compileScenario([{ name: 'scenario.yaml', text }]);
    for (const args of readdirSync(dir).filter((f) => /^trace\..+\.args$/.test(f))) {
      const spec = parseTraceArgs(readFileSync(join(dir, args), 'utf8'));
      if (!cluster || !spec.ok) throw new Error(`${name}/${args} does not run`);
      const r = runTraceSpec(cluster, { ...spec.value, connections: 1 });
      if (!r.ok) throw new Error(r.error);
      out.push({ label: `${name}/${args}`, trace: r.value });
    }
  }
  return out;
}

describe('every hop of every golden trace', () => {
  test.each(goldenTraces().map((g) => [g.label, g.trace] as const))('%s', (_label, trace) => {
    const c = trace.connections[0]!;
    const lost = [c.outcome, ...c.packets.map((p) => p.outcome)].filter(
      (o) => o.kind !== 'delivered',
    );
    for (const o of lost) {
      expect(noteText(o.reasonMsg, 'en')).toBe(o.reason);
      expect(noteText(o.reasonMsg, 'ko')).toMatch(HANGUL);
    }
    for (const hop of c.packets.flatMap((p) => p.hops)) {
      // English is the engine's note, byte for byte (the golden files hold that note).
      expect(noteText(hop.noteMsg, 'en')).toBe(hop.note);
      const ko = noteText(hop.noteMsg, 'ko');
      expect(ko).toMatch(HANGUL);
      expect(ko).not.toBe(hop.note);
      for (const r of hop.rules ?? []) {
        expect(effectText(r.effectMsg, 'en')).toBe(r.effect);
        expect(effectText(r.effectMsg, 'ko')).toMatch(HANGUL);
      }
    }
  });
});
