import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileScenario, parseSource, parseTarget } from '../../engine/index.ts';
import { matchChoice, shortPodName, sourceChoices, targetChoices } from './request-options.ts';

const text = readFileSync(
  new URL('../../../scenarios/article/scenario.yaml', import.meta.url),
  'utf8',
);
const cluster = compileScenario([{ name: 'scenario.yaml', text }]).cluster!;

describe('request choices', () => {
  const from = sourceChoices(cluster);
  const to = targetChoices(cluster);

  test('sources: pods with addresses, the nodes, an outside client', () => {
    expect(from.find((c) => c.value === 'default/client')?.label).toBe(
      'client · 10.44.0.1 · node1',
    );
    expect(from.filter((c) => c.group === 'nodes').map((c) => c.value)).toEqual([
      'master',
      'node1',
      'node2',
    ]);
    expect(from.some((c) => c.group === 'outside')).toBe(true);
    expect(from.some((c) => c.value.includes('kube-proxy'))).toBe(false); // hostNetwork: the node
  });

  test('targets: the Service with its port, and the pods', () => {
    expect(to[0]).toEqual({
      key: 'default/clusterip-service:80/tcp',
      value: 'default/clusterip-service:80',
      label: 'clusterip-service · 10.100.100.100:80/TCP',
      group: 'services',
      protocol: 'tcp',
    });
    // kube-dns: 53/UDP and 53/TCP are two choices with one value.
    const dns = to.filter((c) => c.value === 'kube-system/kube-dns:53');
    expect(dns.map((c) => c.protocol)).toEqual(['udp', 'tcp']);
    expect(new Set(to.map((c) => c.key)).size).toBe(to.length);
    expect(to.filter((c) => c.group === 'podPorts')).toHaveLength(6); // 3 nginx, client, 2 coredns
  });

  test('every choice resolves in the engine', () => {
    for (const c of from) expect(parseSource(cluster, c.value).ok).toBe(true);
    for (const c of to) expect(parseTarget(cluster, c.value).ok).toBe(true);
  });

  test('pod labels drop the ReplicaSet hash, as the topology does', () => {
    expect(to.find((c) => c.value === 'default/deploy-nginx-7b9c6d5f4-2xkqp:80')?.label).toBe(
      'deploy-nginx…2xkqp · 10.36.0.1:80',
    );
    expect(shortPodName('client')).toBe('client');
  });

  test('short forms match their choice; anything else is a free value', () => {
    expect(matchChoice('client', null, from)?.key).toBe('default/client');
    expect(matchChoice('clusterip-service', null, to)?.key).toBe(
      'default/clusterip-service:80/tcp',
    );
    expect(matchChoice('kube-system/kube-dns:53', 'tcp', to)?.key).toBe(
      'kube-system/kube-dns:53/tcp',
    );
    expect(matchChoice('10.100.100.100:80', null, to)).toBeNull();
  });
});
