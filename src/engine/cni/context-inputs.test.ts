import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileManifests } from '../k8s/compile.ts';
import { buildNetwork } from './build-network.ts';
import { nodeTables } from './cni-rules.ts';
import { addressSpecs, ipSetLists } from './context-inputs.ts';

const file = join(import.meta.dirname, '../../../scenarios/article/scenario.yaml');
const cluster = compileManifests([
  { name: 'scenario.yaml', text: readFileSync(file, 'utf8') },
]).cluster!;

describe('context inputs', () => {
  test("node2's addresses as `iface addr/prefix`", () => {
    const node2 = buildNetwork(cluster).nodes[2]!;
    expect(addressSpecs(node2.host)).toEqual([
      'lo 127.0.0.1/8',
      'eth0 192.168.56.12/24',
      'weave 10.36.0.0/12',
    ]);
  });

  test('ipsets as name → members', () => {
    const lists = ipSetLists(nodeTables(cluster, 'master').ipsets);
    expect(lists['weaver-no-masq-local']).toEqual(['10.32.0.0/14', '10.40.0.0/14']);
    // The article scenario's `client` pod (node1) sorts first by name.
    expect(lists['weave-;rGqyMIl1HN^cfDki~Z$3]6!N']).toEqual([
      '10.44.0.1',
      '10.36.0.1',
      '10.36.0.2',
      '10.36.0.3',
    ]);
  });
});
