import { describe, expect, it } from 'vitest';
import { formatCidr } from '../net/ip.ts';
import { labNodes, labSettings, validateLab } from './lab.ts';
import { lab } from './testing.ts';

describe('lab', () => {
  it('defaults to the article: master + 2 workers, Weave, 10.96.0.0/12, 10.32.0.0/12', () => {
    const s = labSettings(undefined);
    expect([s.workers, s.cni, formatCidr(s.serviceCIDR), formatCidr(s.podNetworkCIDR)]).toEqual([
      2,
      'weave',
      '10.96.0.0/12',
      '10.32.0.0/12',
    ]);
  });

  it('makes kubeadm-like Node objects', () => {
    const nodes = labNodes(labSettings(lab({ workers: 3 })));
    expect(nodes.map((n) => [n.metadata?.name, n.status?.addresses?.[0]?.address])).toEqual([
      ['master', '192.168.56.10'],
      ['node1', '192.168.56.11'],
      ['node2', '192.168.56.12'],
      ['node3', '192.168.56.13'],
    ]);
    expect(nodes[0]?.metadata?.labels).toMatchObject({
      'node-role.kubernetes.io/control-plane': '',
      'kubernetes.io/hostname': 'master',
      'kubernetes.io/os': 'linux',
    });
    expect(nodes[0]?.spec?.taints).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ]);
    expect(nodes[1]?.metadata?.labels).toMatchObject({
      'kubernetes.io/hostname': 'node1',
      'kubernetes.io/os': 'linux',
    });
    expect(nodes[1]?.spec?.taints).toBeUndefined();
  });

  it('validates the header', () => {
    const msgs = (spec: Parameters<typeof lab>[0]) => validateLab(lab(spec)).map((e) => e.message);
    expect(
      msgs({
        workers: 3,
        cni: 'docker',
        serviceCIDR: '10.100.0.0/16',
        podNetworkCIDR: '10.200.0.0/16',
      }),
    ).toEqual([]);
    expect(msgs({ workers: 51 })).toEqual([
      'spec.workers: Invalid value: 51: must be between 0 and 50, inclusive',
    ]);
    expect(msgs({ cni: 'flannel' })).toEqual([
      'spec.cni: Unsupported value: "flannel": supported values: "docker", "weave"',
    ]);
    expect(msgs({ serviceCIDR: '10.0.0.0/8' })).toEqual([
      'spec.serviceCIDR: Invalid value: "10.0.0.0/8": the prefix length must be between /12 and /28',
    ]);
    expect(msgs({ serviceCIDR: 'x' })).toEqual([
      'spec.serviceCIDR: Invalid value: "x": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
    expect(msgs({ podNetworkCIDR: '192.168.0.0/16' })).toEqual([
      'spec.podNetworkCIDR: Invalid value: "192.168.0.0/16": must not overlap the node network 192.168.56.0/24',
    ]);
    expect(msgs({ serviceCIDR: '10.32.0.0/16' })).toEqual([
      'spec.serviceCIDR: Invalid value: "10.32.0.0/16": must not overlap podNetworkCIDR 10.32.0.0/12',
    ]);
    expect(msgs({ serviceCIDR: '10.32.0.0/16', podNetworkCIDR: '10.32.0.0/12' })).toEqual([
      'spec.podNetworkCIDR: Invalid value: "10.32.0.0/12": must not overlap serviceCIDR 10.32.0.0/16',
    ]);
    expect(msgs({ podNetworkCIDR: 'fd00::/64' })).toEqual([
      'spec.podNetworkCIDR: Invalid value: "fd00::/64": podpath labs are IPv4-only',
    ]);
  });
});
