/**
 * One Kubernetes node: a group box with its pods, bridge, host row, eth0 and (Weave) vxlan-6784
 * as children. `placeNode` puts a planned node (node-plan.ts) at a grid cell, growing upward from
 * the row's baseline, and records its anchors and inner links.
 */
import { bridgeId, eth0Id, hostId, podId, vethId, vxlanId } from './ids.ts';
import { addLink, pt, type LayoutBuilder } from './layout-builder.ts';
import type { NodePlan } from './node-plan.ts';
import * as S from './sizes.ts';
import type { LinkData } from './types.ts';

const NO_LABELS: LinkData['labels'] = [];

export const groupId = (node: string) => `node:${node}`;
export const moreId = (node: string) => `more:${node}`;

/** Absolute points of a node's anchors, for links between nodes. */
export interface NodePorts {
  readonly eth0: { readonly x: number; readonly y: number };
  readonly vxlan: { readonly x: number; readonly y: number } | null;
}

export function placeNode(
  b: LayoutBuilder,
  plan: NodePlan,
  gx: number,
  baseline: number,
): NodePorts {
  const name = plan.net.node;
  const gy = baseline - plan.height;
  const gid = groupId(name);
  const spine = gx + S.SPINE_X;
  const firstMid = plan.pods[0] ? plan.pods[0].y + plan.pods[0].h / 2 : null;
  b.nodes.push({
    id: gid,
    type: 'kube-node',
    position: pt(gx, gy),
    width: S.NODE_W,
    height: plan.height,
    data: {
      name,
      role: plan.role,
      internalIP: plan.net.internalIP,
      hostPods: plan.hostPods,
      rail:
        firstMid !== null || plan.more
          ? { top: firstMid ?? plan.more!.y + S.POD_H / 2, bottom: plan.bridgeY }
          : null,
      hostTop: plan.hostTop,
    },
  });

  const bridgeMid = plan.bridgeY + S.BRIDGE_H / 2;
  const bridgeAt = pt(spine, gy + bridgeMid);
  b.nodes.push({
    id: bridgeId(name),
    type: 'iface',
    parentId: gid,
    position: pt(S.BRIDGE_X, plan.bridgeY),
    width: S.BRIDGE_W,
    height: S.BRIDGE_H,
    data: {
      kind: 'bridge',
      node: name,
      dev: plan.net.bridge.name,
      address: `${plan.net.bridge.ip}/${plan.net.bridge.prefix}`,
    },
  });
  b.anchors.set(bridgeId(name), bridgeAt);
  b.anchors.set(hostId(name), pt(spine, gy + plan.hostTop + S.HOST_H / 2));

  for (const pod of plan.pods) {
    const mid = gy + pod.y + pod.h / 2;
    const id = podId(pod.data.nsId);
    b.nodes.push({
      id,
      type: 'pod',
      parentId: gid,
      position: pt(S.POD_X, pod.y),
      width: S.POD_W,
      height: pod.h,
      data: pod.data,
    });
    const at = pt(gx + S.POD_X, mid);
    const vethAt = pt(spine, mid);
    b.anchors.set(id, at);
    b.anchors.set(vethId(pod.data.nsId), vethAt);
    addLink(b, {
      id: vethId(pod.data.nsId),
      source: id,
      target: bridgeId(name),
      from: id,
      to: vethId(pod.data.nsId),
      data: { kind: 'veth', points: [at, vethAt], labels: NO_LABELS },
    });
  }
  if (plan.more) {
    const id = moreId(name);
    b.nodes.push({
      id,
      type: 'more-pods',
      parentId: gid,
      position: pt(S.POD_X, plan.more.y),
      width: S.POD_W,
      height: S.POD_H,
      data: { node: name, count: plan.more.nsIds.length, nsIds: plan.more.nsIds },
    });
    const mid = gy + plan.more.y + S.POD_H / 2;
    for (const nsId of plan.more.nsIds) {
      b.anchors.set(podId(nsId), pt(gx + S.POD_X, mid));
      b.anchors.set(vethId(nsId), pt(spine, mid));
    }
  }

  const chipTop = plan.height - S.CHIP_H / 2;
  const eth0At = pt(spine, baseline);
  b.nodes.push({
    id: eth0Id(name),
    type: 'iface',
    parentId: gid,
    position: pt(S.ETH0_X, chipTop),
    width: S.ETH0_W,
    height: S.CHIP_H,
    data: { kind: 'eth0', node: name, dev: 'eth0', address: plan.net.internalIP },
  });
  b.anchors.set(eth0Id(name), eth0At);
  addLink(b, {
    id: `bridge-eth0:${name}`,
    source: bridgeId(name),
    target: eth0Id(name),
    from: bridgeId(name),
    to: eth0Id(name),
    data: { kind: 'bridge-eth0', points: [bridgeAt, eth0At], labels: NO_LABELS },
  });

  if (!plan.vxlanDev) return { eth0: eth0At, vxlan: null };
  const vxAt = pt(gx + S.VXLAN_X + S.VXLAN_W / 2, baseline);
  b.nodes.push({
    id: vxlanId(name),
    type: 'iface',
    parentId: gid,
    position: pt(S.VXLAN_X, chipTop),
    width: S.VXLAN_W,
    height: S.CHIP_H,
    data: { kind: 'vxlan', node: name, dev: plan.vxlanDev, address: null },
  });
  b.anchors.set(vxlanId(name), vxAt);
  addLink(b, {
    id: `bridge-vxlan:${name}`,
    source: bridgeId(name),
    target: vxlanId(name),
    from: bridgeId(name),
    to: vxlanId(name),
    data: {
      kind: 'bridge-vxlan',
      points: [
        bridgeAt,
        pt(gx + S.VXLAN_DROP_X, bridgeAt.y),
        pt(gx + S.VXLAN_DROP_X, baseline),
        vxAt,
      ],
      labels: NO_LABELS,
    },
  });
  return { eth0: eth0At, vxlan: vxAt };
}
