import { describe, expect, it } from 'vitest';
import { compileManifests } from './compile.ts';

describe('KubeProxyConfiguration mode', () => {
  it('warns at the mode field that only iptables mode is simulated', () => {
    const text =
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n';
    const { cluster, diagnostics } = compileManifests([{ name: 'p.yaml', text }]);
    expect(cluster?.kubeProxy.mode).toBe('ipvs');
    expect(diagnostics.map((d) => [d.severity, d.line, d.message.slice(0, 56)])).toEqual([
      ['warning', 3, "podpath simulates kube-proxy's iptables mode only: the r"],
    ]);
  });

  it('says nothing for iptables mode', () => {
    const text =
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: iptables\n';
    expect(compileManifests([{ name: 'p.yaml', text }]).diagnostics).toEqual([]);
  });
});
