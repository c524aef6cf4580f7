import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileManifests } from '../k8s/compile.ts';
import { buildNetwork } from './build-network.ts';
import { addressHolders, allNamespaces, findNamespace } from './find.ts';

function network(name: string) {
  const file = join(import.meta.dirname, '../../../scenarios', name, 'scenario.yaml');
  const cluster = compileManifests([
    { name: 'scenario.yaml', text: readFileSync(file, 'utf8') },
  ]).cluster;
  if (!cluster) throw new Error(`${name} does not compile`);
  return buildNetwork(cluster);
}

describe('addressHolders', () => {
  test('Docker: 172.17.0.2 exists once per node, 172.17.0.1 is every docker0', () => {
    const docker = network('docker-only');
    expect(addressHolders(docker, '172.17.0.2').map((h) => [h.node, h.dev])).toEqual([
      ['master', 'eth0'],
      ['node1', 'eth0'],
      ['node2', 'eth0'],
    ]);
    expect(addressHolders(docker, '172.17.0.1').map((h) => [h.node, h.dev, h.pod])).toEqual([
      ['master', 'docker0', null],
      ['node1', 'docker0', null],
      ['node2', 'docker0', null],
    ]);
  });

  test('Weave: every address has exactly one holder', () => {
    const weave = network('article');
    for (const ns of allNamespaces(weave)) {
      for (const a of ns.localAddresses) {
        if (a === '127.0.0.1') continue;
        expect(addressHolders(weave, a), a).toHaveLength(1);
      }
    }
    expect(addressHolders(weave, '127.0.0.1')).toEqual([]);
  });

  test('findNamespace by id', () => {
    const weave = network('article');
    expect(findNamespace(weave, 'node2')?.kind).toBe('host');
    expect(
      findNamespace(weave, 'node2/default/deploy-nginx-7b9c6d5f4-8hzvw')?.localAddresses,
    ).toEqual(['127.0.0.1', '10.36.0.2']);
    expect(findNamespace(weave, 'node9')).toBeUndefined();
  });
});
