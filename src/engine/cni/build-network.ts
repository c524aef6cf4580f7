/**
 * ClusterModel → ClusterNetwork: every node's host namespace, one namespace per pod with its own
 * network, the bridge with its ports, and (Weave) the router's peer identity.
 */
import type { ClusterModel, ClusterNode } from '../k8s/cluster-model.ts';
import { ETHERNET_MTU, WEAVE_MTU } from './constants.ts';
import { buildHostNamespace } from './host-namespace.ts';
import { lanGateway } from './lan.ts';
import type { BridgePort, ClusterNetwork, NodeNetwork, WeavePeer } from './network-model.ts';
import { buildPodNamespace, podNamespaceId } from './pod-namespace.ts';
import { hostNetworkPods, podSandboxes } from './sandboxes.ts';
import { weavePeers } from './weave-peers.ts';

function buildNode(
  cluster: ClusterModel,
  node: ClusterNode,
  peer: WeavePeer | null,
  mtu: number,
): NodeNetwork {
  const sandboxes = podSandboxes(cluster, node);
  const gateway = lanGateway(cluster, node);
  const host = buildHostNamespace(node, {
    cni: cluster.cni,
    sandboxes,
    hostNetworkPods: hostNetworkPods(cluster, node),
    gateway,
  });
  const weave = cluster.cni === 'weave';
  const ports: BridgePort[] = sandboxes.map((s) => ({
    dev: s.veth,
    kind: 'pod',
    hairpin: weave,
    pod: s.pod,
    ip: s.ip,
    mac: s.mac,
    namespace: podNamespaceId(node.name, s),
  }));
  if (weave) {
    ports.push({
      dev: 'vethwe-bridge',
      kind: 'overlay',
      hairpin: false,
      pod: null,
      ip: null,
      mac: null,
      namespace: null,
    });
  }
  const bridgeLink = host.interfaces.find((i) => i.name === node.bridge.name);
  return {
    node: node.name,
    internalIP: node.internalIP,
    mac: host.interfaces.find((i) => i.name === 'eth0')?.mac ?? '',
    gateway,
    host,
    pods: sandboxes.map((s) => buildPodNamespace(node, s, mtu)),
    bridge: {
      name: node.bridge.name,
      ip: node.bridge.ip,
      prefix: node.bridge.prefix,
      mac: bridgeLink?.mac ?? '',
      ports,
    },
    weavePeer: peer,
  };
}

/**
 * The network of every node of `cluster`, as a real lab built from the same YAML would have it.
 *
 * @example
 * const network = buildNetwork(cluster);
 * formatRoutes(findPodNamespace(network, 'default', 'web-7b9c6d5f4-2xkqp')!);
 */
export function buildNetwork(cluster: ClusterModel): ClusterNetwork {
  const weave = cluster.cni === 'weave';
  const mtu = weave ? WEAVE_MTU : ETHERNET_MTU;
  const peers = weave ? weavePeers(cluster.nodes.map((n) => n.name)) : new Map<string, WeavePeer>();
  return {
    cni: cluster.cni,
    podNetworkCIDR: cluster.podNetworkCIDR,
    podMtu: mtu,
    nodes: cluster.nodes.map((n) => buildNode(cluster, n, peers.get(n.name) ?? null, mtu)),
  };
}
