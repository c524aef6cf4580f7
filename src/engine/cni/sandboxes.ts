/**
 * Which pods get their own network namespace on a node, and the identifiers of each one's veth
 * pair: ifindexes, host-side name, MAC. Shared by the host and pod namespace builders so both
 * ends of a pair agree.
 */
import type { ClusterModel, ClusterNode, ClusterPod } from '../k8s/cluster-model.ts';
import { compareIp, parseIpv4 } from '../net/ip.ts';
import { dockerMac, dockerVethName, localMac, podKey, weaveVethName } from './identifiers.ts';
import type { PodRef } from './network-model.ts';

/** One pod sandbox's veth pair. */
export interface PodSandbox {
  /** The pod. */
  readonly pod: PodRef;
  /** Its IP. */
  readonly ip: string;
  /** ifindex of eth0 inside the pod (created first, in the host namespace). */
  readonly podIndex: number;
  /** ifindex of the host-side veth. */
  readonly hostIndex: number;
  /** Host-side veth name. */
  readonly veth: string;
  /** Host-side veth MAC. */
  readonly vethMac: string;
  /** The pod's eth0 MAC. */
  readonly mac: string;
  /** `link-netnsid` the host uses for this pod's namespace. */
  readonly netnsId: number;
}

/** First ifindex free for pod veth pairs after the node's own devices (see host-namespace.ts). */
export function firstPodIndex(cni: ClusterModel['cni']): number {
  return cni === 'weave' ? 10 : 4;
}

/** A pod has its own network namespace once it is scheduled, has an IP and still runs. */
export function hasPodNetwork(pod: ClusterPod): boolean {
  return (
    !pod.hostNetwork &&
    pod.nodeName !== null &&
    pod.ip !== null &&
    pod.phase !== 'Succeeded' &&
    pod.phase !== 'Failed'
  );
}

function byIp(a: ClusterPod, b: ClusterPod): number {
  const ia = parseIpv4(a.ip ?? '');
  const ib = parseIpv4(b.ip ?? '');
  const byAddress = ia && ib ? compareIp(ia, ib) : 0;
  return byAddress || podKey(a).localeCompare(podKey(b));
}

/** The node's pod sandboxes in IP order (the order a fresh node would have created them). */
export function podSandboxes(cluster: ClusterModel, node: ClusterNode): PodSandbox[] {
  const pods = cluster.pods.filter((p) => p.nodeName === node.name && hasPodNetwork(p));
  const first = firstPodIndex(cluster.cni);
  return pods.sort(byIp).map((p, i) => {
    const ref = { namespace: p.namespace, name: p.name };
    const ip = p.ip as string;
    const weave = cluster.cni === 'weave';
    return {
      pod: ref,
      ip,
      podIndex: first + 2 * i,
      hostIndex: first + 2 * i + 1,
      veth: weave ? weaveVethName(ref) : dockerVethName(ref),
      vethMac: localMac(`veth:${node.name}/${podKey(ref)}`),
      mac: weave ? localMac(`eth0:${podKey(ref)}`) : dockerMac(ip),
      netnsId: i,
    };
  });
}

/** hostNetwork pods on the node (they share its namespace). */
export function hostNetworkPods(cluster: ClusterModel, node: ClusterNode): PodRef[] {
  return cluster.pods
    .filter((p) => p.hostNetwork && p.nodeName === node.name)
    .map((p) => ({ namespace: p.namespace, name: p.name }))
    .sort((a, b) => podKey(a).localeCompare(podKey(b)));
}
