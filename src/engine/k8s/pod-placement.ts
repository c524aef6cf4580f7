/**
 * Putting pods on nodes and giving them addresses: the scheduler for unbound pods, then the
 * CNI for bound pods without an IP; pods pasted with an address keep it (reserved first).
 */
import { parseIp } from '../net/ip.ts';
import type { NodeInfo } from './nodes.ts';
import type { PodNetwork } from './pod-network.ts';
import { ownerKey, type PodRecord } from './pods.ts';
import type { Reporter } from './report.ts';
import { countPlacement, emptyCounts, schedulePod } from './scheduler.ts';

/** Reserves the addresses of pods that came with one; a pod whose address is taken loses it. */
export function reservePodIPs(
  pods: readonly PodRecord[],
  network: PodNetwork,
  reporter: Reporter,
): void {
  const holders = new Map<string, string>();
  for (const pod of pods) {
    if (!pod.ip) continue;
    const ip = parseIp(pod.ip);
    if (!ip) {
      reporter.warning(
        pod.source,
        ['status', 'podIP'],
        `status.podIP ${JSON.stringify(pod.ip)} is not an IP address: the pod gets a new one`,
      );
      pod.ip = null;
      continue;
    }
    if (!network.reserve(pod.nodeName, pod.ip)) {
      const other = holders.get(`${pod.nodeName ?? ''}/${pod.ip}`) ?? holders.get(`/${pod.ip}`);
      const message = `podIP ${pod.ip} is already the address of ${other ? `Pod ${JSON.stringify(other)}` : 'a bridge or another pod'}: this pod gets a new one`;
      reporter.warning(pod.source, ['status', 'podIP'], message);
      pod.ip = null;
      continue;
    }
    holders.set(`${pod.nodeName ?? ''}/${pod.ip}`, pod.name);
    holders.set(`/${pod.ip}`, pod.name);
  }
}

/** Binds every unbound, unfinished pod (of those `only` accepts) to a node of `nodes`, in creation order. */
export function scheduleUnboundPods(
  pods: readonly PodRecord[],
  nodes: readonly NodeInfo[],
  allNodes: ReadonlySet<string>,
  only: (pod: PodRecord) => boolean = () => true,
): void {
  const counts = emptyCounts();
  for (const pod of pods)
    if (pod.nodeName && allNodes.has(pod.nodeName))
      countPlacement(counts, pod.nodeName, ownerKey(pod));
  for (const pod of pods) {
    if (pod.nodeName !== null || pod.phase === 'Succeeded' || pod.phase === 'Failed' || !only(pod))
      continue;
    const key = ownerKey(pod);
    const result = schedulePod(
      { nodeSelector: pod.spec.nodeSelector, tolerations: pod.spec.tolerations, ownerKey: key },
      nodes,
      counts,
    );
    if (result.nodeName === null) {
      pod.reason = result.reason;
      continue;
    }
    delete pod.reason;
    pod.nodeName = result.nodeName;
    countPlacement(counts, result.nodeName, key);
  }
}

/** Gives bound pods (of those `only` accepts) without an address one from their node's pod network. */
export function assignPodIPs(
  pods: readonly PodRecord[],
  network: PodNetwork,
  joined: ReadonlySet<string>,
  only: (pod: PodRecord) => boolean = () => true,
): void {
  for (const pod of pods) {
    if (
      pod.ip ||
      pod.spec.hostNetwork ||
      pod.nodeName === null ||
      !joined.has(pod.nodeName) ||
      !only(pod)
    )
      continue;
    if (pod.phase !== 'Running' || pod.terminating) continue;
    const ip = network.allocate(pod.nodeName);
    if (ip) {
      pod.ip = ip;
      continue;
    }
    pod.phase = 'Pending';
    pod.ready = false;
    pod.reason = `failed to allocate an IP address: the pod range of node ${JSON.stringify(pod.nodeName)} is exhausted`;
  }
}
