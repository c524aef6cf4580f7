/** Look-ups in a ClusterNetwork: a node, a namespace by id or by pod, every holder of an address. */
import type { ClusterNetwork, NetNamespace, NodeNetwork, PodRef } from './network-model.ts';

/** The node's network, or undefined. */
export function findNode(network: ClusterNetwork, node: string): NodeNetwork | undefined {
  return network.nodes.find((n) => n.node === node);
}

/** Every namespace of the cluster: each node's host namespace, then its pods'. */
export function allNamespaces(network: ClusterNetwork): NetNamespace[] {
  return network.nodes.flatMap((n) => [n.host, ...n.pods]);
}

/** A namespace by id (`node2`, `node2/default/web-…`). */
export function findNamespace(network: ClusterNetwork, id: string): NetNamespace | undefined {
  for (const n of network.nodes) {
    if (n.host.id === id) return n.host;
    const pod = n.pods.find((p) => p.id === id);
    if (pod) return pod;
  }
  return undefined;
}

function samePod(a: PodRef | null, namespace: string, name: string): boolean {
  return a !== null && a.namespace === namespace && a.name === name;
}

/**
 * The namespace a pod's processes run in: its own, or its node's host namespace for a
 * hostNetwork pod. Undefined for pods without a network (Pending, no IP, finished).
 */
export function findPodNamespace(
  network: ClusterNetwork,
  namespace: string,
  name: string,
): NetNamespace | undefined {
  for (const n of network.nodes) {
    const own = n.pods.find((p) => samePod(p.pod, namespace, name));
    if (own) return own;
    if (n.host.hostNetworkPods.some((p) => samePod(p, namespace, name))) return n.host;
  }
  return undefined;
}

/** An interface that carries a given address. */
export interface AddressHolder {
  /** Node it is on. */
  readonly node: string;
  /** Namespace id. */
  readonly namespace: string;
  /** Device. */
  readonly dev: string;
  /** The device's MAC. */
  readonly mac: string;
  /** The pod whose eth0 it is; null for the node's own devices. */
  readonly pod: PodRef | null;
}

/**
 * Every interface in the cluster configured with `ip` (loopback excluded). More than one answer
 * is the Docker multi-host collision: each node hands out the same 172.17.0.x addresses.
 *
 * @example
 * addressHolders(dockerNetwork, '172.17.0.2').map((h) => h.node); // ['master', 'node1', 'node2']
 */
export function addressHolders(network: ClusterNetwork, ip: string): AddressHolder[] {
  const out: AddressHolder[] = [];
  for (const ns of allNamespaces(network)) {
    for (const i of ns.interfaces) {
      if (i.kind === 'loopback' || !i.addresses.some((a) => a.address === ip)) continue;
      out.push({ node: ns.node, namespace: ns.id, dev: i.name, mac: i.mac, pod: ns.pod });
    }
  }
  return out;
}
