import { describe, expect, it } from 'vitest';
import type { ClusterModel } from './cluster-model.ts';
import { compileObjects, deployment, lab, messages, node, pod, service } from './testing.ts';

function cluster(...objects: unknown[]): ClusterModel {
  const r = compileObjects(...objects);
  if (!r.cluster) throw new Error(messages(r.diagnostics).join('\n'));
  return r.cluster;
}

const podsOn = (c: ClusterModel, namespace = 'default') =>
  c.pods.filter((p) => p.namespace === namespace).map((p) => `${p.nodeName} ${p.ip}`);

describe('the default lab', () => {
  const c = cluster();

  it('is the article kubeadm cluster: master (tainted) + node1 + node2 on 192.168.56.0/24', () => {
    expect(c.defaultLab).toBe(true);
    expect(c.nodes.map((n) => [n.name, n.internalIP, n.role])).toEqual([
      ['master', '192.168.56.10', 'control-plane'],
      ['node1', '192.168.56.11', 'worker'],
      ['node2', '192.168.56.12', 'worker'],
    ]);
    expect(c.nodes[0]?.taints).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ]);
    expect(c.nodes[0]?.labels['node-role.kubernetes.io/control-plane']).toBe('');
    expect(c.nodes[2]?.labels['kubernetes.io/hostname']).toBe('node2');
    expect([c.serviceCIDR, c.cni, c.podNetworkCIDR]).toEqual([
      '10.96.0.0/12',
      'weave',
      '10.32.0.0/12',
    ]);
  });

  it('has Weave bridges from IPAM: 10.32.0.1, 10.44.0.0, 10.36.0.0 (/12)', () => {
    expect(c.nodes.map((n) => [n.bridge.name, n.bridge.ip, n.bridge.prefix, n.podRanges])).toEqual([
      ['weave', '10.32.0.1', 12, ['10.32.0.0/14', '10.40.0.0/14']],
      ['weave', '10.44.0.0', 12, ['10.44.0.0/14']],
      ['weave', '10.36.0.0', 12, ['10.36.0.0/14']],
    ]);
    expect(c.nodes.every((n) => n.podCIDRs.length === 0)).toBe(true);
  });

  it('has the kubernetes Service and its EndpointSlice to the apiserver', () => {
    const k = c.services.find((s) => s.metadata?.name === 'kubernetes');
    expect(k?.metadata?.namespace).toBe('default');
    expect(k?.spec).toMatchObject({
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP' }],
    });
    expect(k?.spec?.selector).toBeUndefined();
    const slice = c.endpointSlices.find((s) => s.metadata?.name === 'kubernetes');
    expect(slice).toMatchObject({
      addressType: 'IPv4',
      metadata: { namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      endpoints: [{ addresses: ['192.168.56.10'], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    });
    expect(slice?.endpoints?.[0]?.nodeName).toBeUndefined();
  });

  it('has kube-dns at 10.96.0.10, backed by two CoreDNS pods on master at 10.32.0.2 and 10.32.0.3', () => {
    const dns = c.services.find((s) => s.metadata?.name === 'kube-dns');
    expect(dns?.metadata).toMatchObject({
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns' },
    });
    expect(dns?.spec?.clusterIP).toBe('10.96.0.10');
    expect(dns?.spec?.selector).toEqual({ 'k8s-app': 'kube-dns' });
    expect(dns?.spec?.ports?.map((p) => [p.name, p.port, p.protocol])).toEqual([
      ['dns', 53, 'UDP'],
      ['dns-tcp', 53, 'TCP'],
      ['metrics', 9153, 'TCP'],
    ]);
    const coredns = c.pods.filter((p) => p.name.startsWith('coredns-'));
    expect(coredns.map((p) => [p.nodeName, p.ip, p.phase, p.ready]).sort()).toEqual([
      ['master', '10.32.0.2', 'Running', true],
      ['master', '10.32.0.3', 'Running', true],
    ]);
    expect(coredns[0]?.containers[0]?.ports).toEqual([
      { name: 'dns', containerPort: 53, protocol: 'UDP' },
      { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
    ]);
    const slice = c.endpointSlices.find(
      (s) => s.metadata?.labels?.['kubernetes.io/service-name'] === 'kube-dns',
    );
    expect(slice?.endpoints?.map((e) => e.addresses?.[0]).sort()).toEqual([
      '10.32.0.2',
      '10.32.0.3',
    ]);
    expect(slice?.ports).toEqual([
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      { name: 'metrics', port: 9153, protocol: 'TCP' },
    ]);
  });

  it('runs kube-proxy and weave-net on every node with the node IP (hostNetwork)', () => {
    for (const ds of ['kube-proxy', 'weave-net']) {
      const pods = c.pods.filter((p) => p.owner?.kind === 'DaemonSet' && p.owner.name === ds);
      expect(pods.map((p) => [p.nodeName, p.ip, p.hostNetwork])).toEqual(
        expect.arrayContaining([
          ['master', '192.168.56.10', true],
          ['node1', '192.168.56.11', true],
          ['node2', '192.168.56.12', true],
        ]),
      );
      expect(
        pods.every((p) => new RegExp(`^${ds}-[bcdfghjklmnpqrstvwxz2456789]{5}$`).test(p.name)),
      ).toBe(true);
      expect(c.workloads.find((w) => w.name === ds)).toMatchObject({
        kind: 'DaemonSet',
        namespace: 'kube-system',
        desired: 3,
        current: 3,
        ready: 3,
      });
    }
    expect(c.pods.find((p) => p.name.startsWith('kube-proxy'))?.labels).toEqual({
      'k8s-app': 'kube-proxy',
    });
    expect(c.pods.find((p) => p.name.startsWith('weave-net'))?.labels).toEqual({
      name: 'weave-net',
    });
  });

  it('uses kubeadm kube-proxy defaults', () => {
    expect(c.kubeProxy).toMatchObject({ mode: 'iptables', clusterCIDR: null, masqueradeBit: 14 });
  });

  it('is the same every time', () => {
    expect(cluster()).toEqual(c);
  });
});

describe('the Lab header', () => {
  it('adds workers with Weave blocks donated in join order', () => {
    const c = cluster(lab({ workers: 4 }));
    expect(
      c.nodes.map((n) => `${n.name} ${n.internalIP} ${n.bridge.ip} ${n.podRanges.join(',')}`),
    ).toEqual([
      'master 192.168.56.10 10.32.0.1 10.32.0.0/14',
      'node1 192.168.56.11 10.44.0.0 10.44.0.0/14',
      'node2 192.168.56.12 10.36.0.0 10.36.0.0/14',
      'node3 192.168.56.13 10.42.0.0 10.42.0.0/15',
      'node4 192.168.56.14 10.40.0.0 10.40.0.0/15',
    ]);
    expect(c.workloads.find((w) => w.name === 'kube-proxy')?.desired).toBe(5);
  });

  it('switches to docker0 on every node, with colliding pod addresses (and no weave-net)', () => {
    const c = cluster(lab({ cni: 'docker' }), deployment({ replicas: 4 }));
    expect(c.cni).toBe('docker');
    expect(c.podNetworkCIDR).toBe('172.17.0.0/16');
    expect(c.nodes.map((n) => n.bridge)).toEqual(
      Array(3).fill({ name: 'docker0', ip: '172.17.0.1', prefix: 16 }),
    );
    expect(
      c.pods
        .filter((p) => p.name.startsWith('coredns'))
        .map((p) => p.ip)
        .sort(),
    ).toEqual(['172.17.0.2', '172.17.0.3']);
    expect(podsOn(c).sort()).toEqual([
      'node1 172.17.0.2',
      'node1 172.17.0.3',
      'node2 172.17.0.2',
      'node2 172.17.0.3',
    ]);
    expect(c.workloads.some((w) => w.name === 'weave-net')).toBe(false);
  });

  it('moves the service range (kubernetes = first address, kube-dns = tenth) and the Weave range', () => {
    const c = cluster(
      lab({ serviceCIDR: '10.100.0.0/16', podNetworkCIDR: '10.200.0.0/16' }),
      service({ name: 'web' }),
    );
    expect(c.services.map((s) => s.spec?.clusterIP).slice(0, 2)).toEqual([
      '10.100.0.1',
      '10.100.0.10',
    ]);
    expect(c.services[2]?.spec?.clusterIP).toMatch(/^10\.100\./);
    expect(c.nodes[0]?.bridge).toEqual({ name: 'weave', ip: '10.200.0.1', prefix: 16 });
  });

  it('can have no workers: user pods stay Pending with the scheduler message', () => {
    const r = compileObjects(lab({ workers: 0 }), deployment({ replicas: 1 }));
    const p = r.cluster?.pods.find((x) => x.namespace === 'default');
    expect(p).toMatchObject({ phase: 'Pending', nodeName: null, ip: null, ready: false });
    expect(p?.reason).toBe(
      '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.',
    );
    expect(messages(r.diagnostics, 'warning')).toContain(
      '1 pod(s) of Deployment "web" are Pending: 0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.',
    );
  });

  it('is ignored (warning) when Node objects are given', () => {
    const r = compileObjects(lab({ workers: 5 }), node({ name: 'a', ip: '10.0.0.1' }));
    expect(r.cluster?.nodes.map((n) => n.name)).toEqual(['a']);
    expect(messages(r.diagnostics)).toEqual([
      'the Lab header is ignored: the input has Node objects, and they define the cluster',
    ]);
  });

  it('is rejected as a whole when invalid (defaults are used)', () => {
    const r = compileObjects(lab({ workers: 99 }));
    expect(r.cluster?.nodes).toHaveLength(3);
    expect(messages(r.diagnostics, 'error')).toEqual([
      'The Lab "lab" is invalid: spec.workers: Invalid value: 99: must be between 0 and 50, inclusive',
    ]);
  });
});

describe('clusters from Node objects', () => {
  it('uses exactly those nodes, with no system objects, and Weave IPAM over them in input order', () => {
    const c = cluster(
      node({ name: 'cp', ip: '10.0.0.10', controlPlane: true }),
      node({ name: 'w1', ip: '10.0.0.11' }),
      node({ name: 'w2', ip: '10.0.0.12' }),
      deployment({ replicas: 2 }),
    );
    expect(c.defaultLab).toBe(false);
    expect(c.nodes.map((n) => [n.name, n.role, n.bridge.ip])).toEqual([
      ['cp', 'control-plane', '10.32.0.1'],
      ['w1', 'worker', '10.44.0.0'],
      ['w2', 'worker', '10.36.0.0'],
    ]);
    expect(c.services).toEqual([]);
    expect(c.pods.map((p) => `${p.nodeName} ${p.ip}`).sort()).toEqual([
      'w1 10.44.0.1',
      'w2 10.36.0.1',
    ]);
  });

  it('gives pods addresses from spec.podCIDR when the node has one (gateway .1, pods from .2)', () => {
    const c = cluster(
      node({ name: 'w1', ip: '10.0.0.11', podCIDR: '10.244.1.0/24' }),
      node({ name: 'w2', ip: '10.0.0.12', podCIDR: '10.244.2.0/24' }),
      deployment({ replicas: 3 }),
    );
    expect(c.nodes.map((n) => [n.podCIDRs, n.bridge.ip, n.bridge.prefix, n.podRanges])).toEqual([
      [['10.244.1.0/24'], '10.244.1.1', 24, ['10.244.1.0/24']],
      [['10.244.2.0/24'], '10.244.2.1', 24, ['10.244.2.0/24']],
    ]);
    expect(podsOn(c).sort()).toEqual(['w1 10.244.1.2', 'w1 10.244.1.3', 'w2 10.244.2.2']);
  });

  it('honours unschedulable nodes and nodeSelectors', () => {
    const c = cluster(
      node({ name: 'w1', ip: '10.0.0.11', unschedulable: true }),
      node({ name: 'w2', ip: '10.0.0.12', labels: { disk: 'ssd' } }),
      node({ name: 'w3', ip: '10.0.0.13' }),
      deployment({ replicas: 2, nodeSelector: { disk: 'ssd' } }),
    );
    expect(podsOn(c).map((s) => s.split(' ')[0])).toEqual(['w2', 'w2']);
  });

  it('warns about two nodes with the same address', () => {
    const r = compileObjects(
      node({ name: 'a', ip: '10.0.0.1' }),
      node({ name: 'b', ip: '10.0.0.1' }),
    );
    expect(messages(r.diagnostics)).toEqual([
      'node "b" has the same address 10.0.0.1 as node "a": packets for it go to only one of them',
    ]);
  });
});

describe('pods from the input', () => {
  it('keep their node, IP and readiness; their IPs are reserved', () => {
    const c = cluster(
      pod({ name: 'a', nodeName: 'node1', podIP: '10.44.0.1', ready: false }),
      deployment({ replicas: 2, labels: { app: 'other' } }),
    );
    expect(c.pods.find((p) => p.name === 'a')).toMatchObject({
      nodeName: 'node1',
      ip: '10.44.0.1',
      ready: false,
      phase: 'Running',
      owner: null,
    });
    expect(podsOn(c).sort()).toEqual(['node1 10.44.0.1', 'node1 10.44.0.2', 'node2 10.36.0.1']);
  });

  it('without a node are scheduled, and get an address', () => {
    const c = cluster(pod({ name: 'bare' }));
    expect(c.pods.find((p) => p.name === 'bare')).toMatchObject({
      nodeName: 'node1',
      ip: '10.44.0.1',
      phase: 'Running',
      ready: true,
    });
  });

  it('on an unknown node stay Pending', () => {
    const r = compileObjects(pod({ name: 'lost', nodeName: 'node9' }));
    expect(r.cluster?.pods.find((p) => p.name === 'lost')).toMatchObject({
      nodeName: null,
      ip: null,
      phase: 'Pending',
      reason: 'node "node9" not found',
    });
    expect(messages(r.diagnostics)).toEqual(['node "node9" not found: the pod stays Pending']);
  });

  it('lose an address another pod already has', () => {
    const r = compileObjects(
      pod({ name: 'a', nodeName: 'node1', podIP: '10.44.0.1' }),
      pod({ name: 'b', nodeName: 'node1', podIP: '10.44.0.1' }),
    );
    expect(messages(r.diagnostics)).toEqual([
      'podIP 10.44.0.1 is already the address of Pod "a": this pod gets a new one',
    ]);
    expect(r.cluster?.pods.filter((p) => p.namespace === 'default').map((p) => p.ip)).toEqual([
      '10.44.0.1',
      '10.44.0.2',
    ]);
  });

  it('with hostNetwork use the node address', () => {
    const c = cluster(pod({ name: 'h', nodeName: 'node2', hostNetwork: true }));
    expect(c.pods.find((p) => p.name === 'h')).toMatchObject({
      ip: '192.168.56.12',
      hostNetwork: true,
    });
  });

  it('being deleted are shown as terminating', () => {
    const p = pod({ name: 't', nodeName: 'node1', podIP: '10.44.0.9' });
    if (p.metadata) p.metadata.deletionTimestamp = '2024-01-01T00:00:00Z';
    const c = cluster(p, service({ ports: [{ port: 80 }] }));
    expect(c.pods.find((x) => x.name === 't')?.terminating).toBe(true);
    const slice = c.endpointSlices.find(
      (s) => s.metadata?.labels?.['kubernetes.io/service-name'] === 'web',
    );
    expect(slice?.endpoints?.[0]?.conditions).toEqual({
      ready: false,
      serving: true,
      terminating: true,
    });
  });
});
