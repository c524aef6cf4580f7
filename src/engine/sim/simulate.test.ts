import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileManifests } from '../k8s/compile.ts';
import type { ClusterModel } from '../k8s/cluster-model.ts';
import { parseSource, parseTarget, type TraceRequest } from './request.ts';
import { simulate } from './simulate.ts';
import type { Trace } from './trace.ts';

const SCENARIOS = join(import.meta.dirname, '../../../scenarios');

function cluster(name: string): ClusterModel {
  const text = readFileSync(join(SCENARIOS, name, 'scenario.yaml'), 'utf8');
  const c = compileManifests([{ name: 'scenario.yaml', text }]).cluster;
  if (!c) throw new Error(`scenario ${name} does not compile`);
  return c;
}

function request(
  c: ClusterModel,
  from: string,
  to: string,
  extra: Partial<TraceRequest> = {},
): TraceRequest {
  const f = parseSource(c, from);
  const t = parseTarget(c, to);
  if (!f.ok || !t.ok) throw new Error('bad request');
  return { from: f.value, to: t.value, ...extra };
}

function run(c: ClusterModel, req: TraceRequest, seed: number, extra = {}): Trace {
  const r = simulate(c, req, { seed, ...extra });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const article = cluster('article');

describe('a process on a node takes the source address its route gives', () => {
  it('node2 to a pod behind its own weave bridge: from 10.36.0.0, with no masquerade', () => {
    const trace = run(article, request(article, 'node2', '10.36.0.2:80', { packets: 1 }), 1);
    expect(trace.request.srcIp).toBe('10.36.0.0');
    const hops = trace.connections[0]!.packets[0]!.hops;
    expect(hops[0]!.before.src).toBe('10.36.0.0');
    expect(hops.some((h) => h.rules?.some((r) => r.ruleText.includes('-j MASQUERADE')))).toBe(
      false,
    );
  });

  it("node1 to a Service: from its LAN address, the default route's source", () => {
    const trace = run(article, request(article, 'node1', '10.100.100.100:80', { packets: 1 }), 1);
    expect(trace.request.srcIp).toBe('192.168.56.11');
  });
});

describe('the seed scenario: a pod on node1 calls 10.100.100.100:80', () => {
  const trace = run(article, request(article, 'client', '10.100.100.100:80'), 1);
  const [first] = trace.connections;
  const original = first!.packets[0]!;

  it('crosses the Weave overlay to node2 and lands on 10.36.0.x:80', () => {
    expect(original.outcome).toMatchObject({ kind: 'delivered', node: 'node2' });
    if (original.outcome.kind !== 'delivered') throw new Error();
    expect(original.outcome.ip).toMatch(/^10\.36\.0\.[123]$/);
    expect(original.outcome.port).toBe(80);
    const kinds = original.hops.map((h) => h.kind);
    expect(kinds).toContain('encap');
    expect(original.hops.find((h) => h.kind === 'wire')?.link).toBe('overlay:node1>node2');
    const encap = original.hops.find((h) => h.kind === 'encap')!;
    expect(encap.after.outer).toMatchObject({
      src: '192.168.56.11',
      dst: '192.168.56.12',
      dport: 6784,
    });
  });

  it('sends the VXLAN datagram through node1 OUTPUT/POSTROUTING and node2 PREROUTING/INPUT', () => {
    const outerHooks = original.hops
      .filter((h) => h.kind === 'netfilter' && h.before.dport === 6784)
      .map((h) => `${h.node} ${h.hook} ${h.before.protocol}`);
    expect(outerHooks).toEqual([
      'node1 OUTPUT udp',
      'node1 POSTROUTING udp',
      'node2 PREROUTING udp',
      'node2 INPUT udp',
    ]);
    const kinds = original.hops.map((h) => h.kind);
    expect(kinds.indexOf('encap')).toBeLessThan(kinds.indexOf('wire'));
    expect(kinds.lastIndexOf('netfilter', kinds.indexOf('decap'))).toBeGreaterThan(
      kinds.indexOf('wire'),
    );
  });

  it('leaves the skb mark on node1: the wire and the decapsulated packet carry none', () => {
    const forward = original.hops.find((h) => h.kind === 'netfilter' && h.hook === 'FORWARD')!;
    expect(forward.after.mark).not.toBe(0);
    const wire = original.hops.find((h) => h.kind === 'wire')!;
    const decap = original.hops.find((h) => h.kind === 'decap')!;
    expect([wire.before.mark, decap.before.mark, decap.after.mark]).toEqual([0, 0, 0]);
  });

  it('walks PREROUTING → KUBE-SERVICES → KUBE-SVC → KUBE-SEP and shows the DNAT', () => {
    const pre = original.hops.find((h) => h.kind === 'netfilter' && h.hook === 'PREROUTING')!;
    expect(pre.node).toBe('node1');
    const chains = pre.rules!.map((r) => r.chain);
    expect(chains.slice(0, 3)).toEqual([
      'PREROUTING',
      'KUBE-SERVICES',
      'KUBE-SVC-KUSV3H3OUX7H3MDQ',
    ]);
    expect(chains.at(-1)).toMatch(/^KUBE-SEP-/);
    expect(pre.rules!.at(-1)!.effect).toMatch(/^DNAT to 10\.36\.0\.[123]:80$/);
    expect(pre.rules![1]!.ruleText).toBe(
      '-A KUBE-SERVICES -d 10.100.100.100/32 -p tcp -m comment --comment "default/clusterip-service cluster IP" -m tcp --dport 80 -j KUBE-SVC-KUSV3H3OUX7H3MDQ',
    );
    expect(pre.before.dst).toBe('10.100.100.100');
    expect(pre.after.dst).toMatch(/^10\.36\.0\.[123]$/);
  });

  it('un-DNATs the reply: the client sees 10.100.100.100:80 as its peer', () => {
    const reply = first!.packets[1]!;
    expect(reply.direction).toBe('reply');
    expect(reply.outcome).toMatchObject({
      kind: 'delivered',
      to: 'pod default/client',
      ip: '10.44.0.1',
    });
    const last = reply.hops.at(-1)!;
    expect(last.after.src).toBe('10.100.100.100');
    expect(last.after.sport).toBe(80);
  });

  it('sends every packet of one connection to the same pod, and consults nat only once', () => {
    const t = run(
      article,
      request(article, 'client', 'clusterip-service', { packets: 6, connections: 20 }),
      5,
      { detail: 20 },
    );
    for (const c of t.connections) {
      const originals = c.packets.filter((p) => p.direction === 'original');
      expect(originals).toHaveLength(6);
      for (const p of originals)
        expect(p.outcome).toMatchObject({ kind: 'delivered', ip: c.backend!.ip });
      const natSteps = originals.map(
        (p) => p.hops.find((h) => h.hook === 'PREROUTING' && h.node === 'node1')!.table,
      );
      expect(natSteps[0]).toContain('nat');
      for (const t2 of natSteps.slice(1)) expect(t2).not.toContain('nat');
    }
    expect(new Set(t.connections.map((c) => c.backend!.ip)).size).toBeGreaterThan(1);
  });

  it('splits 30,000 connections a third each (±1.5 points; chi-square)', () => {
    const t = run(
      article,
      request(article, 'client', 'clusterip-service', { packets: 1, connections: 30_000 }),
      7,
      { detail: 0 },
    );
    const counts = new Map<string, number>();
    for (const c of t.connections) counts.set(c.backend!.ip, (counts.get(c.backend!.ip) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['10.36.0.1', '10.36.0.2', '10.36.0.3']);
    let chi = 0;
    for (const n of counts.values()) {
      expect(Math.abs(n / 30_000 - 1 / 3)).toBeLessThan(0.015);
      chi += (n - 10_000) ** 2 / 10_000;
    }
    expect(chi).toBeLessThan(9.21); // 2 degrees of freedom, p = 0.01
  });

  it('gives the same trace for the same seed, and the linear evaluator agrees with the fast one', () => {
    const req = request(article, 'client', 'clusterip-service', { connections: 5 });
    const a = run(article, req, 11, { detail: 5 });
    expect(run(article, req, 11, { detail: 5 })).toEqual(a);
    expect(run(article, req, 11, { detail: 5, evaluator: 'linear' })).toEqual(a);
    expect(run(article, req, 12, { detail: 5 })).not.toEqual(a);
  });
});

describe('hairpin: a pod reaching itself through its Service', () => {
  const pod = 'deploy-nginx-7b9c6d5f4-2xkqp';
  // Seed 1 draws below 1/3 first: KUBE-SEP for 10.36.0.1, the caller itself.
  const trace = run(article, request(article, pod, 'clusterip-service', { packets: 1 }), 1);
  const [original, reply] = trace.connections[0]!.packets;

  it('is masqueraded to the bridge address so the reply comes back through conntrack', () => {
    expect(original!.outcome).toMatchObject({ kind: 'delivered', ip: '10.36.0.1' });
    const post = original!.hops.find((h) => h.hook === 'POSTROUTING')!;
    expect(
      post.rules!.some(
        (r) => r.chain === 'KUBE-POSTROUTING' && r.effect.startsWith('MASQUERADE to 10.36.0.0'),
      ),
    ).toBe(true);
    expect(original!.hops.at(-1)!.after.src).toBe('10.36.0.0');
    expect(reply!.outcome).toMatchObject({ kind: 'delivered', ip: '10.36.0.1' });
    expect(reply!.hops.at(-1)!.after.src).toBe('10.100.100.100');
  });
});

describe('docker0 only: the multi-host failure', () => {
  const docker = cluster('docker-only');
  const podOnNode2 = docker.pods.find((p) => p.nodeName === 'node2' && p.name.startsWith('web-'))!;

  it('gives the same 172.17.0.2 to pods on both workers', () => {
    const ips = docker.pods
      .filter((p) => p.name.startsWith('web-'))
      .map((p) => `${p.nodeName} ${p.ip}`);
    expect(ips.sort()).toEqual(['node1 172.17.0.2', 'node2 172.17.0.2']);
  });

  it('"the other" 172.17.0.2 is the pod itself: the packet never leaves it', () => {
    const t = run(docker, request(docker, podOnNode2.name, '172.17.0.2:80', { packets: 1 }), 1);
    const p = t.connections[0]!.packets[0]!;
    expect(p.hops.map((h) => h.kind)).toEqual(['send', 'loopback']);
    expect(p.outcome).toMatchObject({ kind: 'delivered', node: 'node2' });
  });

  it('an address that exists only on another host is unreachable: ARP never leaves docker0', () => {
    const t = run(
      docker,
      request(docker, podOnNode2.name, '172.17.0.3:53', { protocol: 'udp', packets: 1 }),
      1,
    );
    const o = t.connections[0]!.outcome;
    expect(o.kind).toBe('unreachable');
    if (o.kind === 'unreachable') expect(o.reason).toContain('master');
  });

  it('a pod DNATed back to itself is dropped by docker0: its port has no hairpin mode', () => {
    const t = run(docker, request(docker, podOnNode2.name, 'web', { packets: 1 }), 1);
    const o = t.connections[0]!.outcome;
    expect(o.kind).toBe('dropped');
    if (o.kind === 'dropped') expect(o.reason).toContain('hairpin mode is off');
    const pre = t.connections[0]!.packets[0]!.hops.find((h) => h.hook === 'PREROUTING')!;
    expect(pre.after.dst).toBe('172.17.0.2');
  });
});

describe('requests that cannot be made', () => {
  it('explains an unknown target or a missing port', () => {
    expect(parseTarget(article, 'nope')).toEqual({
      ok: false,
      error: 'unknown target "nope": not an IP:PORT, a Service or a pod',
    });
    expect(parseTarget(article, '10.1.2.3').ok).toBe(false);
    expect(
      simulate(article, request(article, 'client', 'clusterip-service:443'), { seed: 1 }).ok,
    ).toBe(false);
  });

  it('an outside client cannot reach a cluster IP', () => {
    const t = run(article, request(article, '203.0.113.50', '10.100.100.100:80'), 1);
    expect(t.connections[0]!.outcome.kind).toBe('unreachable');
  });
});

describe('a Service with no endpoints (datapath.md §4.5: Weave’s FORWARD rules sit above kube-proxy’s)', () => {
  const noEndpoints = cluster('no-endpoints');

  it('a node’s own request is rejected by kube-proxy’s filter rule', () => {
    const t = run(noEndpoints, request(noEndpoints, 'node1', 'frontend'), 1);
    expect(t.connections[0]!.outcome).toMatchObject({ kind: 'rejected', node: 'node1' });
  });

  it('a pod’s request is accepted by Weave, leaves the node and is answered by nobody', () => {
    const pod = noEndpoints.pods.find((p) => p.nodeName === 'node1' && !p.hostNetwork)!;
    const t = run(noEndpoints, request(noEndpoints, `${pod.namespace}/${pod.name}`, 'frontend'), 1);
    const outcome = t.connections[0]!.outcome;
    expect(outcome).toMatchObject({ kind: 'dropped', node: null });
    if (outcome.kind !== 'dropped') throw new Error();
    expect(outcome.reason).toContain('10.96.60.60');
    expect(outcome.reason).toContain('service CIDR 10.96.0.0/12');
    // An address outside the cluster's ranges is still the outside world's.
    const out = run(
      noEndpoints,
      request(noEndpoints, `${pod.namespace}/${pod.name}`, '93.184.216.34:80'),
      1,
    );
    expect(out.connections[0]!.outcome).toMatchObject({ kind: 'delivered', to: 'outside' });
  });
});

describe('a NodePort packet routed from eth0 into the weave bridge', () => {
  const nodeport = cluster('nodeport');
  const trace = run(
    nodeport,
    request(nodeport, '203.0.113.50', '192.168.56.11:30080', { packets: 1 }),
    3,
  );
  const hops = trace.connections[0]!.packets[0]!.hops;

  it('carries no bridge information: weave-npc checks it against the namespace policy', () => {
    // Seed 1 picks the endpoint on node2: the packet leaves the bridge by vethwe-bridge.
    const remote = run(
      nodeport,
      request(nodeport, '203.0.113.50', '192.168.56.11:30080', { packets: 1 }),
      1,
    );
    const toNode2 = remote.connections[0]!.packets[0]!;
    expect(toNode2.outcome).toMatchObject({ kind: 'delivered', node: 'node2' });
    const forward = toNode2.hops.find((h) => h.kind === 'netfilter' && h.hook === 'FORWARD')!;
    const texts = forward.rules!.map((r) => r.ruleText);
    expect(texts.some((t) => t.includes('--physdev-is-bridged'))).toBe(false);
    expect(texts.some((t) => t.startsWith('-A WEAVE-NPC-DEFAULT '))).toBe(true);
  });

  it('arrives through the LAN gateway, one hop down (TTL 63)', () => {
    const wire = hops.find((h) => h.kind === 'wire')!;
    expect(wire.before.ttl).toBe(63);
  });

  it('is routed first and switched to its port only after POSTROUTING', () => {
    const kinds: string[] = hops.map((h) => (h.kind === 'netfilter' ? h.hook! : h.kind));
    const at = (k: string) => kinds.indexOf(k);
    expect(at('route')).toBeLessThan(at('FORWARD'));
    expect(at('POSTROUTING')).toBeLessThan(at('bridge'));
  });
});
