/**
 * Short labels for pods: a ReplicaSet's pod `deploy-nginx-7b9c6d5f4-2xkqp` becomes
 * `deploy-nginx…2xkqp` (the hash says nothing to a learner; the suffix tells pods apart), a
 * DaemonSet's pod is its DaemonSet's name. The full name goes in the title.
 */
const MAX = 22;

export interface PodOwner {
  readonly kind: string;
  readonly name: string;
}

export function shortPodName(name: string, owner: PodOwner | null): string {
  if (owner?.kind === 'ReplicaSet' && name.startsWith(`${owner.name}-`)) {
    const suffix = name.slice(owner.name.length + 1);
    const dash = owner.name.lastIndexOf('-');
    const deployment = dash > 0 ? owner.name.slice(0, dash) : owner.name;
    return clip(`${deployment}…${suffix}`);
  }
  return clip(name);
}

/** A hostNetwork pod as a badge: `kube-proxy`, `weave-net`. */
export function badgeName(name: string, owner: PodOwner | null): string {
  if (owner?.kind === 'DaemonSet' && name.startsWith(`${owner.name}-`)) return clip(owner.name);
  return shortPodName(name, owner);
}

function clip(s: string): string {
  if (s.length <= MAX) return s;
  return `${s.slice(0, MAX - 7)}…${s.slice(-6)}`;
}
