import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileManifests } from '../k8s/compile.ts';
import { proxierConfigForNode } from './node-config.ts';

const SCENARIO = readFileSync(
  join(import.meta.dirname, '../../../scenarios/cluster-cidr-detector/scenario.yaml'),
  'utf8',
);

/** node1's ProxierConfig with the scenario's clusterCIDR and nodePortAddresses replaced. */
function node1Config(clusterCIDR: string, nodePortAddresses: string) {
  const text = SCENARIO.replace(/^clusterCIDR: .*$/m, `clusterCIDR: ${clusterCIDR}`).replace(
    /^ {2}- 192\.168\.56\.0\/24$/m,
    `  - ${nodePortAddresses}`,
  );
  const cluster = compileManifests([{ name: 'scenario.yaml', text }]).cluster;
  if (!cluster) throw new Error('the scenario does not compile');
  return proxierConfigForNode(
    cluster,
    cluster.nodes.find((n) => n.name === 'node1')!,
  );
}

describe("node1's kube-proxy configuration", () => {
  it('takes the IPv4 CIDR of a dual-stack clusterCIDR for its detector', () => {
    const config = node1Config('fd00:10::/64,10.32.0.0/12', '192.168.56.0/24');
    expect(config.localDetector).toEqual({ mode: 'ClusterCIDR', cidr: '10.32.0.0/12' });
  });

  it('has no detector when clusterCIDR names only an IPv6 range', () => {
    expect(node1Config('fd00:10::/64', '192.168.56.0/24').localDetector).toEqual({ mode: 'None' });
  });

  it("turns nodePortAddresses 'primary' into the node's own IP, without localhost NodePorts", () => {
    const config = node1Config('10.32.0.0/12', 'primary');
    expect(config.nodePortAddresses).toEqual(['192.168.56.11/32']);
    expect(config.localhostNodePorts).toBe(false);
  });
});
