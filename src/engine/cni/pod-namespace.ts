/**
 * A pod's network namespace as the CNI plugin leaves it: `lo`, and `eth0` (the pod end of the veth
 * pair) with the pod IP on the bridge's subnet, a connected route and `default via <bridge ip>`.
 */
import type { ClusterNode } from '../k8s/cluster-model.ts';
import { kernelRoutes } from '../routing/kernel-routes.ts';
import { route } from '../routing/route.ts';
import { globalAddress } from './addresses.ts';
import { podKey } from './identifiers.ts';
import { addressesOf, link, loopback } from './links.ts';
import type { NetNamespace } from './network-model.ts';
import type { PodSandbox } from './sandboxes.ts';

/** Id of a pod's namespace: `node/namespace/name`. */
export function podNamespaceId(node: string, sandbox: Pick<PodSandbox, 'pod'>): string {
  return `${node}/${podKey(sandbox.pod)}`;
}

/** Builds the namespace of one pod sandbox on `node`. */
export function buildPodNamespace(
  node: ClusterNode,
  sandbox: PodSandbox,
  mtu: number,
): NetNamespace {
  const eth0 = link({
    index: sandbox.podIndex,
    name: 'eth0',
    kind: 'veth',
    mac: sandbox.mac,
    mtu,
    peer: { index: sandbox.hostIndex, name: null, netnsId: 0 },
    addresses: [globalAddress('eth0', sandbox.ip, node.bridge.prefix)],
  });
  const interfaces = [loopback(), eth0];
  const routes = [
    ...kernelRoutes(addressesOf(interfaces)),
    route({ dst: '0.0.0.0/0', via: node.bridge.ip, dev: 'eth0' }),
  ];
  return {
    id: podNamespaceId(node.name, sandbox),
    node: node.name,
    kind: 'pod',
    pod: sandbox.pod,
    hostNetworkPods: [],
    interfaces,
    routes,
    localAddresses: ['127.0.0.1', sandbox.ip],
  };
}
