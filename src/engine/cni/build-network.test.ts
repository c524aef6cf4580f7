import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ClusterModel } from '../k8s/cluster-model.ts';
import { compileManifests } from '../k8s/compile.ts';
import { formatRoutes } from '../routing/format-routes.ts';
import { buildNetwork } from './build-network.ts';
import { findNode, findPodNamespace } from './find.ts';

function scenario(name: string, header = ''): ClusterModel {
  const file = join(import.meta.dirname, '../../../scenarios', name, 'scenario.yaml');
  const text = header + readFileSync(file, 'utf8');
  const cluster = compileManifests([{ name: 'scenario.yaml', text }]).cluster;
  if (!cluster) throw new Error(`${name} does not compile`);
  return cluster;
}

const WEAVE = buildNetwork(scenario('article'));
const DOCKER = buildNetwork(scenario('docker-only'));
const POD1 = 'deploy-nginx-7b9c6d5f4-2xkqp';

describe('buildNetwork: Weave (the default lab)', () => {
  const node2 = findNode(WEAVE, 'node2')!;

  test('node2: weave bridge 10.36.0.0/12, MTU 1376, eth0 with the InternalIP', () => {
    const weave = node2.host.interfaces.find((i) => i.name === 'weave')!;
    expect(weave).toMatchObject({ kind: 'bridge', mtu: 1376, state: 'UP' });
    expect(weave.addresses).toEqual([
      {
        dev: 'weave',
        address: '10.36.0.0',
        prefix: 12,
        broadcast: '10.47.255.255',
        scope: 'global',
      },
    ]);
    const eth0 = node2.host.interfaces.find((i) => i.name === 'eth0')!;
    expect(eth0.mtu).toBe(1500);
    expect(eth0.addresses[0]).toMatchObject({ address: '192.168.56.12', prefix: 24 });
    expect(eth0.mac).toMatch(/^08:00:27(:[0-9a-f]{2}){3}$/);
    expect(node2.host.localAddresses).toEqual(['127.0.0.1', '192.168.56.12', '10.36.0.0']);
  });

  test("Weave's devices: datapath, the vethwe pair, vxlan-6784", () => {
    const byName = new Map(node2.host.interfaces.map((i) => [i.name, i]));
    expect([...byName.keys()].slice(0, 7)).toEqual([
      'lo',
      'eth0',
      'datapath',
      'weave',
      'vethwe-datapath',
      'vethwe-bridge',
      'vxlan-6784',
    ]);
    expect(byName.get('datapath')).toMatchObject({ kind: 'openvswitch', mtu: 1376 });
    expect(byName.get('vethwe-datapath')).toMatchObject({
      master: 'datapath',
      peer: { name: 'vethwe-bridge' },
    });
    expect(byName.get('vethwe-bridge')).toMatchObject({
      master: 'weave',
      peer: { name: 'vethwe-datapath' },
    });
    expect(byName.get('vxlan-6784')).toMatchObject({ kind: 'vxlan', master: 'datapath' });
  });

  test('one hairpin vethwepl port per pod, enslaved to weave, peer = the pod eth0', () => {
    const ports = node2.host.interfaces.filter((i) => i.name.startsWith('vethwepl'));
    expect(ports).toHaveLength(3);
    for (const [n, p] of ports.entries()) {
      expect(p.name).toMatch(/^vethwepl[0-9a-f]{7}$/);
      expect(p).toMatchObject({ master: 'weave', hairpin: true, mtu: 1376 });
      const pod = node2.pods[n]!;
      const eth0 = pod.interfaces.find((i) => i.name === 'eth0')!;
      expect(p.peer).toEqual({ index: eth0.index, name: null, netnsId: n });
      expect(eth0.peer).toEqual({ index: p.index, name: null, netnsId: 0 });
    }
    expect(node2.bridge.ports.map((p) => p.kind)).toEqual(['pod', 'pod', 'pod', 'overlay']);
    expect(node2.bridge.ports[3]?.dev).toBe('vethwe-bridge');
  });

  test('host routes: default via the LAN gateway, connected eth0 and weave', () => {
    expect(formatRoutes(node2.host)).toBe(
      'default via 192.168.56.1 dev eth0 \n' +
        '10.32.0.0/12 dev weave proto kernel scope link src 10.36.0.0 \n' +
        '192.168.56.0/24 dev eth0 proto kernel scope link src 192.168.56.12 \n',
    );
  });

  test('pod 10.36.0.1: eth0 /12, default via the bridge, the whole range on-link', () => {
    const pod = findPodNamespace(WEAVE, 'default', POD1)!;
    expect(pod.id).toBe(`node2/default/${POD1}`);
    expect(pod.interfaces.map((i) => i.name)).toEqual(['lo', 'eth0']);
    const eth0 = pod.interfaces[1]!;
    expect(eth0).toMatchObject({ mtu: 1376 });
    expect(eth0.addresses[0]).toMatchObject({ address: '10.36.0.1', prefix: 12 });
    // Locally administered, unicast.
    expect(parseInt(eth0.mac.slice(0, 2), 16) & 0x03).toBe(0x02);
    expect(formatRoutes(pod)).toBe(
      'default via 10.36.0.0 dev eth0 \n' +
        '10.32.0.0/12 dev eth0 proto kernel scope link src 10.36.0.1 \n',
    );
  });

  test('hostNetwork pods share the host namespace', () => {
    const master = findNode(WEAVE, 'master')!;
    const kubeProxy = master.host.hostNetworkPods.find((p) => p.name.startsWith('kube-proxy'))!;
    expect(findPodNamespace(WEAVE, 'kube-system', kubeProxy.name)).toBe(master.host);
    expect(master.host.hostNetworkPods.map((p) => p.name.replace(/-[a-z0-9]+$/, ''))).toEqual([
      'kube-proxy',
      'weave-net',
    ]);
    expect(findPodNamespace(WEAVE, 'default', 'nope')).toBeUndefined();
  });

  test('master: bridge 10.32.0.1, CoreDNS pods in their own namespaces', () => {
    const master = findNode(WEAVE, 'master')!;
    expect(master.bridge).toMatchObject({ name: 'weave', ip: '10.32.0.1', prefix: 12 });
    expect(master.pods.map((p) => p.interfaces[1]?.addresses[0]?.address)).toEqual([
      '10.32.0.2',
      '10.32.0.3',
    ]);
  });

  test('deterministic: the same cluster gives the same network', () => {
    expect(buildNetwork(scenario('article'))).toEqual(WEAVE);
  });

  test('every node has a distinct Weave peer with a 12-bit short id', () => {
    const ids = WEAVE.nodes.map((n) => n.weavePeer!.shortId);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toBeLessThan(4096);
    expect(WEAVE.nodes.map((n) => n.weavePeer!.nickname)).toEqual(['master', 'node1', 'node2']);
  });
});

describe('buildNetwork: Docker', () => {
  test('node1 and node2 both have a pod at 172.17.0.2 with the same MAC', () => {
    const pods = ['node1', 'node2'].map((n) => findNode(DOCKER, n)!.pods[0]!);
    for (const pod of pods) {
      const eth0 = pod.interfaces[1]!;
      expect(eth0.addresses[0]).toMatchObject({ address: '172.17.0.2', prefix: 16 });
      expect(eth0.mac).toBe('02:42:ac:11:00:02');
      expect(eth0.mtu).toBe(1500);
      expect(formatRoutes(pod)).toBe(
        'default via 172.17.0.1 dev eth0 \n' +
          '172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 \n',
      );
    }
  });

  test('docker0 172.17.0.1/16 on every node; veth + 7 hex, no hairpin', () => {
    for (const node of DOCKER.nodes) {
      const docker0 = node.host.interfaces.find((i) => i.name === 'docker0')!;
      expect(docker0.addresses[0]).toMatchObject({ address: '172.17.0.1', prefix: 16 });
      expect(docker0.mac.startsWith('02:42:')).toBe(true);
      for (const port of node.host.interfaces.filter((i) => i.master === 'docker0')) {
        expect(port.name).toMatch(/^veth[0-9a-f]{7}$/);
        expect(port.hairpin).toBe(false);
      }
      expect(node.weavePeer).toBeNull();
      expect(node.bridge.ports.every((p) => p.kind === 'pod')).toBe(true);
    }
    expect(DOCKER.podMtu).toBe(1500);
  });

  test('a node without containers: docker0 has no carrier and its routes are linkdown', () => {
    const lab = 'apiVersion: podpath.dev/v1alpha1\nkind: Lab\nspec:\n  workers: 3\n  cni: docker\n';
    const cluster = compileManifests([{ name: 'scenario.yaml', text: lab }]).cluster!;
    const empty = buildNetwork(cluster).nodes.find((n) => n.pods.length === 0)!;
    const docker0 = empty.host.interfaces.find((i) => i.name === 'docker0')!;
    expect(docker0).toMatchObject({
      state: 'DOWN',
      flags: ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'],
    });
    expect(formatRoutes(empty.host)).toContain(
      '172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown \n',
    );
  });
});
