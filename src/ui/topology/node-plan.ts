/**
 * Sizes one Kubernetes node box: its pods by sorted namespace id (beyond MAX_PODS_SHOWN, the
 * rest summed up in one box), the bridge, the host row with the hostNetwork pods, and the height
 * (node-layout.ts places it).
 */
import type { ClusterPod, NodeNetwork } from '../../engine/index.ts';
import type { Collision } from './collisions.ts';
import { podAddress } from './collisions.ts';
import { badgeName, shortPodName } from './pod-label.ts';
import * as S from './sizes.ts';
import type { HostPodBadge, PodData } from './types.ts';

export interface PodPlan {
  readonly data: PodData;
  readonly y: number;
  readonly h: number;
}

export interface NodePlan {
  readonly net: NodeNetwork;
  readonly role: 'control-plane' | 'worker';
  readonly hostPods: readonly HostPodBadge[];
  readonly pods: readonly PodPlan[];
  /** Pods not drawn, summed up in a box at `more.y`. */
  readonly more: { readonly nsIds: readonly string[]; readonly y: number } | null;
  readonly bridgeY: number;
  readonly hostTop: number;
  readonly height: number;
  /** Weave's VXLAN device (`vxlan-6784`); null with docker0. */
  readonly vxlanDev: string | null;
}

export interface PodLookup {
  get(key: string): ClusterPod | undefined;
}

export function planNode(
  net: NodeNetwork,
  role: 'control-plane' | 'worker',
  pods: PodLookup,
  collisions: ReadonlyMap<string, Collision>,
): NodePlan {
  const portDev = new Map(net.bridge.ports.map((p) => [p.namespace, p.dev]));
  const namespaces = [...net.pods].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const shown = namespaces.length > S.MAX_PODS_SHOWN ? S.MAX_PODS_SHOWN - 1 : namespaces.length;
  let y = S.HEADER_H;
  const planned: PodPlan[] = [];
  for (const ns of namespaces.slice(0, shown)) {
    const ref = ns.pod ?? { namespace: '', name: ns.id };
    const info = pods.get(`${ref.namespace}/${ref.name}`);
    const c = collisions.get(ns.id);
    const collision = c
      ? {
          pod: shortPodName(c.otherName, ownerOf(pods.get(`${c.otherNamespace}/${c.otherName}`))),
          node: c.otherNode,
        }
      : null;
    const h = collision ? S.POD_H_COLLISION : S.POD_H;
    planned.push({
      y,
      h,
      data: {
        nsId: ns.id,
        namespace: ref.namespace,
        name: ref.name,
        shortName: shortPodName(ref.name, ownerOf(info)),
        ip: podAddress(ns.interfaces) ?? info?.ip ?? '',
        veth: portDev.get(ns.id) ?? null,
        collision,
      },
    });
    y += h + S.POD_GAP;
  }
  const hidden = namespaces.slice(shown).map((ns) => ns.id);
  const more = hidden.length > 0 ? { nsIds: hidden, y } : null;
  if (more) y += S.POD_H + S.POD_GAP;
  const bridgeY = (planned.length > 0 || more ? y - S.POD_GAP : y) + 4;
  const hostTop = bridgeY + S.BRIDGE_H + S.ROW_GAP;
  const height = hostTop + S.HOST_H + S.ROW_GAP + 2 + S.CHIP_H / 2;
  const hostPods = net.host.hostNetworkPods
    .map((ref) => {
      const info = pods.get(`${ref.namespace}/${ref.name}`);
      return {
        key: `${ref.namespace}/${ref.name}`,
        label: badgeName(ref.name, ownerOf(info)),
        title: `${ref.namespace}/${ref.name}`,
      };
    })
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return {
    net,
    role,
    hostPods,
    pods: planned,
    more,
    bridgeY,
    hostTop,
    height,
    vxlanDev:
      net.weavePeer !== null
        ? (net.host.interfaces.find((i) => i.kind === 'vxlan')?.name ?? null)
        : null,
  };
}

function ownerOf(pod: ClusterPod | undefined) {
  return pod?.owner ?? null;
}
