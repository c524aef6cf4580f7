import { describe, expect, it } from 'vitest';
import { endpointChainName, serviceChainName } from './chain-names.ts';

// Every pair below is listed as verified in kube-proxy-iptables.md §2.1 or seen in the seed article.
describe('chain names', () => {
  it.each([
    ['ns1/svc1:p80', 'tcp', 'KUBE-SVC-XPGD46QRK7WJZT7O'],
    ['ns1/svc1', 'tcp', 'KUBE-SVC-AQI2S6QIMU7PVVRP'],
    ['default/clusterip-service', 'tcp', 'KUBE-SVC-KUSV3H3OUX7H3MDQ'],
    ['default/kubernetes:https', 'tcp', 'KUBE-SVC-NPX46M4PTMTKRN6Y'],
    ['kube-system/kube-dns:dns', 'udp', 'KUBE-SVC-TCOU7JCQXEZGVUNU'],
  ])('KUBE-SVC for %s %s', (port, proto, chain) => {
    expect(serviceChainName(port, proto)).toBe(chain);
  });

  it.each([
    ['ns1/svc1:p80', 'tcp', '10.180.0.1:80', 'KUBE-SEP-SXIVWICOYRO3J4NJ'],
    ['default/clusterip-service', 'tcp', '10.36.0.1:80', 'KUBE-SEP-KPNE4OMUFKEDG6YL'],
    ['default/clusterip-service', 'tcp', '10.36.0.2:80', 'KUBE-SEP-QC2YCZLGKU5ER4V3'],
    ['default/clusterip-service', 'tcp', '10.36.0.3:80', 'KUBE-SEP-L7WI7M2YKMCGI5ZA'],
    ['ns1/svc1:p80', 'tcp', '[fd00:10:180::1]:80', 'KUBE-SEP-OGYCNMB4EMRUSJ6N'],
  ])('KUBE-SEP for %s %s %s', (port, proto, ep, chain) => {
    expect(endpointChainName(port, proto, ep)).toBe(chain);
  });
});
