import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileManifests } from '../k8s/compile.ts';
import { lookupRoute, nextHop } from '../routing/lookup.ts';
import { formatNeighbour } from '../routing/neighbour.ts';
import { buildNetwork } from './build-network.ts';
import { findNode, findPodNamespace } from './find.ts';
import { bridgePortFor } from './bridge-port.ts';
import { resolveOnLink, segmentOf } from './l2.ts';
import type { NetNamespace } from './network-model.ts';

function network(name: string) {
  const file = join(import.meta.dirname, '../../../scenarios', name, 'scenario.yaml');
  const cluster = compileManifests([
    { name: 'scenario.yaml', text: readFileSync(file, 'utf8') },
  ]).cluster;
  if (!cluster) throw new Error(`${name} does not compile`);
  return buildNetwork(cluster);
}

const WEAVE = network('article');
const DOCKER = network('docker-only');

function podAt(net: typeof WEAVE, node: string, ip: string): NetNamespace {
  const ns = findNode(net, node)!.pods.find((p) => p.localAddresses.includes(ip));
  if (!ns) throw new Error(`no pod ${ip} on ${node}`);
  return ns;
}

describe('Weave: routes of the default lab', () => {
  const pod = findPodNamespace(WEAVE, 'default', 'deploy-nginx-7b9c6d5f4-2xkqp')!;
  const node2 = findNode(WEAVE, 'node2')!.host;

  test('pod → ClusterIP takes the default route to the bridge', () => {
    expect(lookupRoute(pod, '10.100.100.100')).toMatchObject({
      type: 'unicast',
      dev: 'eth0',
      via: '10.36.0.0',
      src: '10.36.0.1',
    });
  });

  test('pod → remote pod is on-link: ARP crosses the overlay, the answer is behind vethwe-bridge', () => {
    const r = lookupRoute(pod, '10.32.0.2');
    expect(r).toMatchObject({ type: 'unicast', dev: 'eth0', src: '10.36.0.1' });
    expect(r.via).toBeUndefined();
    const l2 = resolveOnLink(WEAVE, pod, 'eth0', nextHop(r)!);
    expect(l2.segment).toEqual({ kind: 'weave' });
    expect(l2.owner).toMatchObject({
      kind: 'pod',
      node: 'master',
      path: 'overlay',
      port: 'vethwe-bridge',
      dev: 'eth0',
    });
    expect(l2.owner?.pod?.name).toMatch(/^coredns-/);
    expect(l2.resolution.state).toBe('REACHABLE');
    expect(l2.reason).toBeNull();
  });

  test("pod → its gateway: node2's own bridge answers", () => {
    const l2 = resolveOnLink(WEAVE, pod, 'eth0', '10.36.0.0');
    const bridge = findNode(WEAVE, 'node2')!.bridge;
    expect(l2.owner).toMatchObject({
      kind: 'bridge',
      node: 'node2',
      path: 'local',
      port: null,
      mac: bridge.mac,
    });
  });

  test("pod → another node's bridge address is on-link too (the overlay answers)", () => {
    const l2 = resolveOnLink(WEAVE, pod, 'eth0', '10.44.0.0');
    expect(l2.owner).toMatchObject({
      kind: 'bridge',
      node: 'node1',
      path: 'overlay',
      port: 'vethwe-bridge',
    });
  });

  test('node → pod goes out weave with the bridge address as source', () => {
    const r = lookupRoute(node2, '10.36.0.2');
    expect(r).toMatchObject({ type: 'unicast', dev: 'weave', src: '10.36.0.0' });
    const l2 = resolveOnLink(WEAVE, node2, 'weave', '10.36.0.2');
    expect(l2.owner).toMatchObject({ kind: 'pod', node: 'node2', path: 'local' });
    expect(l2.owner?.port).toMatch(/^vethwepl[0-9a-f]{7}$/);
  });

  test('node → outside and node → other node go out eth0', () => {
    expect(lookupRoute(node2, '203.0.113.50')).toMatchObject({
      dev: 'eth0',
      via: '192.168.56.1',
      src: '192.168.56.12',
    });
    const peer = lookupRoute(node2, '192.168.56.10');
    expect(peer).toMatchObject({ dev: 'eth0', src: '192.168.56.12' });
    expect(resolveOnLink(WEAVE, node2, 'eth0', '192.168.56.10').owner).toMatchObject({
      kind: 'node',
      node: 'master',
      path: 'lan',
    });
    expect(resolveOnLink(WEAVE, node2, 'eth0', '192.168.56.1').owner).toMatchObject({
      kind: 'gateway',
      node: null,
      path: 'lan',
    });
  });

  test('an address nobody has in the pod range: ARP floods the overlay and fails', () => {
    const l2 = resolveOnLink(WEAVE, pod, 'eth0', '10.40.0.7');
    expect(l2.owner).toBeNull();
    expect(l2.resolution).toMatchObject({ state: 'FAILED', errno: 'EHOSTUNREACH' });
    expect(l2.reason).toMatch(/flooded to every node over the overlay/);
  });

  test('segments', () => {
    expect(segmentOf(WEAVE, node2, 'eth0')).toEqual({ kind: 'lan', cidr: '192.168.56.0/24' });
    expect(segmentOf(WEAVE, node2, 'weave')).toEqual({ kind: 'weave' });
    expect(segmentOf(WEAVE, node2, 'lo')).toEqual({ kind: 'none' });
  });
});

describe('Weave: bridge ports', () => {
  test('a local pod is behind its vethwepl port, a remote one behind vethwe-bridge', () => {
    const local = bridgePortFor(WEAVE, 'node2', '10.36.0.1');
    expect(local).toMatchObject({ kind: 'pod', pod: { name: 'deploy-nginx-7b9c6d5f4-2xkqp' } });
    const port = findNode(WEAVE, 'node2')!.bridge.ports[0]!;
    expect(local.kind === 'pod' && local.port).toBe(port.dev);
    expect(bridgePortFor(WEAVE, 'master', '10.36.0.1')).toMatchObject({
      kind: 'overlay',
      port: 'vethwe-bridge',
      node: 'node2',
    });
    expect(bridgePortFor(WEAVE, 'node2', '10.36.0.0')).toEqual({ kind: 'bridge' });
    expect(bridgePortFor(WEAVE, 'node2', '10.40.0.7')).toEqual({ kind: 'none' });
  });
});

describe('Docker: the multi-host collision (datapath.md §2)', () => {
  const a1 = findNode(DOCKER, 'node1')!.pods[0]!; // 172.17.0.2 on node1
  const coredns3 = podAt(DOCKER, 'master', '172.17.0.3');

  test('case 1: a pod targeting "the other" 172.17.0.2 reaches itself', () => {
    expect(lookupRoute(a1, '172.17.0.2')).toMatchObject({ type: 'local', dev: 'lo' });
  });

  test('case 2: 172.17.0.3 lives only on master; from node1 ARP goes unanswered', () => {
    const r = lookupRoute(a1, '172.17.0.3');
    expect(r).toMatchObject({ type: 'unicast', dev: 'eth0' });
    expect(r.via).toBeUndefined();
    const l2 = resolveOnLink(DOCKER, a1, 'eth0', '172.17.0.3');
    expect(l2.segment).toEqual({ kind: 'bridge', node: 'node1' });
    expect(l2.owner).toBeNull();
    expect(l2.resolution).toMatchObject({ state: 'FAILED', errno: 'EHOSTUNREACH' });
    expect(formatNeighbour(l2.resolution)).toBe('172.17.0.3 dev eth0 FAILED');
    expect(l2.elsewhere.map((h) => [h.node, h.pod?.name.replace(/-[a-z0-9]+$/, '')])).toEqual([
      ['master', 'coredns-6db869f8d8'],
    ]);
    expect(l2.reason).toBe(
      `nobody on node1's docker0 has 172.17.0.3: it belongs to pod kube-system/${coredns3.pod!.name} on master, ` +
        "but each node's docker0 is a separate L2 segment and the ARP broadcast never leaves node1",
    );
  });

  test('case 2 variant: on master, 172.17.0.2 answers, but it is master’s own pod', () => {
    const l2 = resolveOnLink(DOCKER, coredns3, 'eth0', '172.17.0.2');
    expect(l2.owner).toMatchObject({
      kind: 'pod',
      node: 'master',
      path: 'local',
      mac: '02:42:ac:11:00:02',
    });
    expect(l2.owner?.pod?.name).toMatch(/^coredns-/);
    expect(l2.elsewhere.map((h) => h.node)).toEqual(['node1', 'node2']);
  });

  test('case 3: a process on node1 targeting 172.17.0.2 is delivered to node1’s pod', () => {
    const host = findNode(DOCKER, 'node1')!.host;
    expect(lookupRoute(host, '172.17.0.2')).toMatchObject({ dev: 'docker0', src: '172.17.0.1' });
    const l2 = resolveOnLink(DOCKER, host, 'docker0', '172.17.0.2');
    expect(l2.owner).toMatchObject({ node: 'node1', pod: { name: a1.pod!.name } });
    expect(bridgePortFor(DOCKER, 'node1', '172.17.0.2')).toMatchObject({
      kind: 'pod',
      pod: a1.pod,
    });
    expect(bridgePortFor(DOCKER, 'node1', '172.17.0.3')).toEqual({ kind: 'none' });
  });
});
