import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KUBE_PROXY,
  kubeProxySettings,
  validateKubeProxyConfiguration,
} from './kube-proxy-config.ts';
import { kubeProxyConfig } from './testing.ts';

describe('kube-proxy configuration', () => {
  it('defaults like kubeadm', () => {
    expect(kubeProxySettings(undefined)).toEqual({
      mode: 'iptables',
      clusterCIDR: null,
      detectLocalMode: 'ClusterCIDR',
      bridgeInterface: null,
      interfaceNamePrefix: null,
      masqueradeAll: false,
      masqueradeBit: 14,
      localhostNodePorts: true,
      nodePortAddresses: [],
      conntrackTCPBeLiberal: false,
      featureGates: {},
    });
    expect(kubeProxySettings(kubeProxyConfig({ mode: '' }))).toEqual(DEFAULT_KUBE_PROXY);
  });

  it('reads every field, printing CIDRs canonically', () => {
    const s = kubeProxySettings(
      kubeProxyConfig({
        mode: 'ipvs',
        clusterCIDR: '10.032.0.0/12',
        detectLocalMode: 'BridgeInterface',
        detectLocal: { bridgeInterface: 'weave' },
        nodePortAddresses: ['192.168.56.0/24', 'primary'],
        iptables: { masqueradeAll: true, masqueradeBit: 15, localhostNodePorts: false },
        conntrack: { tcpBeLiberal: true },
        featureGates: { SomeGate: true },
      }),
      { file: 'f', from: 1, to: 2 },
    );
    expect(s).toEqual({
      mode: 'ipvs',
      clusterCIDR: '10.32.0.0/12',
      detectLocalMode: 'BridgeInterface',
      bridgeInterface: 'weave',
      interfaceNamePrefix: null,
      masqueradeAll: true,
      masqueradeBit: 15,
      localhostNodePorts: false,
      nodePortAddresses: ['192.168.56.0/24', 'primary'],
      conntrackTCPBeLiberal: true,
      featureGates: { SomeGate: true },
      source: { file: 'f', from: 1, to: 2 },
    });
  });

  it("validates like kube-proxy's Validate()", () => {
    const errs = validateKubeProxyConfiguration(
      kubeProxyConfig({
        mode: 'userspace',
        clusterCIDR: 'nope',
        detectLocalMode: 'Magic',
        nodePortAddresses: ['x'],
        iptables: { masqueradeBit: 32 },
      }),
    );
    expect(errs.map((e) => [e.at, e.message])).toEqual([
      [
        ['mode'],
        'KubeProxyConfiguration.Mode.ProxyMode: Invalid value: "userspace": must be iptables,ipvs,nftables or blank (blank means the best-known proxy for the operating system)',
      ],
      [
        ['clusterCIDR'],
        'KubeProxyConfiguration.ClusterCIDR[0]: Invalid value: "nope": must be a valid CIDR block (e.g. 10.100.0.0/16 or fde4:8dba:82e1::/48)',
      ],
      [
        ['iptables', 'masqueradeBit'],
        'KubeProxyConfiguration.KubeProxyIPTablesConfiguration.MasqueradeBit: Invalid value: 32: must be within the range [0, 31]',
      ],
      [
        ['detectLocalMode'],
        'KubeProxyConfiguration.DetectLocalMode: Unsupported value: "Magic": supported values: "ClusterCIDR", "NodeCIDR", "BridgeInterface", "InterfaceNamePrefix", ""',
      ],
      [
        ['nodePortAddresses', 0],
        'KubeProxyConfiguration.NodePortAddresses[0]: Invalid value: "x": must be a valid CIDR',
      ],
    ]);
    expect(
      validateKubeProxyConfiguration(
        kubeProxyConfig({ detectLocalMode: 'InterfaceNamePrefix' }),
      ).map((e) => e.message),
    ).toEqual(['KubeProxyConfiguration.InterfacePrefix: Invalid value: "": must not be empty']);
    expect(
      validateKubeProxyConfiguration(
        kubeProxyConfig({ mode: 'nftables', iptables: { masqueradeBit: 0 } }),
      ),
    ).toEqual([]);
    const primary = (nodePortAddresses: string[]) =>
      validateKubeProxyConfiguration(kubeProxyConfig({ nodePortAddresses })).map((e) => e.message);
    expect(primary(['primary'])).toEqual([]);
    expect(primary(['primary', '127.0.0.1/32'])).toEqual([
      `KubeProxyConfiguration.NodePortAddresses[0]: Invalid value: "primary": can't use both 'primary' and CIDRs`,
    ]);
    expect(primary(['127.0.0.1/32', 'primary'])).toEqual([
      `KubeProxyConfiguration.NodePortAddresses[1]: Invalid value: "primary": can't use both 'primary' and CIDRs`,
    ]);
  });
});
