/**
 * The row(s) under the nodes: the client outside the cluster first, then each Service as the
 * virtual address it is (no device anywhere holds a ClusterIP; only iptables rules on every node
 * know it). The learner's Services come before kube-system's and the API server's.
 */
import type { ClusterModel, Service } from '../../engine/index.ts';
import { OUTSIDE_ID, serviceId } from './ids.ts';
import { pt, type LayoutBuilder } from './layout-builder.ts';
import * as S from './sizes.ts';
import type { Point, ServiceData } from './types.ts';

export function serviceData(svc: Service): ServiceData {
  const namespace = svc.metadata?.namespace ?? 'default';
  const name = svc.metadata?.name ?? '';
  const spec = svc.spec ?? {};
  const ports = spec.ports ?? [];
  return {
    key: `${namespace}/${name}`,
    name,
    namespace,
    type: spec.type ?? 'ClusterIP',
    clusterIP: spec.clusterIP ?? null,
    // As `kubectl get svc` prints them: `80/TCP`, `80:30080/TCP` with a NodePort.
    ports: ports.map(
      (p) => `${p.port ?? '?'}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`,
    ),
    system: namespace === 'kube-system' || (namespace === 'default' && name === 'kubernetes'),
  };
}

const order = (a: ServiceData, b: ServiceData) =>
  Number(a.system) - Number(b.system) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Places the outside client and the Services from `top`; returns the client's anchor. */
export function placeBoxes(
  b: LayoutBuilder,
  cluster: ClusterModel,
  gateway: string | null,
  top: number,
): Point {
  const services = cluster.services.map(serviceData).sort(order);
  const cell = (i: number) =>
    pt(
      (i % S.BOXES_PER_ROW) * (S.BOX_W + S.BOX_GAP),
      top + Math.floor(i / S.BOXES_PER_ROW) * (S.BOX_H + S.BOX_GAP),
    );
  const outsideAt = cell(0);
  b.nodes.push({
    id: OUTSIDE_ID,
    type: 'outside',
    position: outsideAt,
    width: S.BOX_W,
    height: S.BOX_H,
    data: { gateway },
  });
  const anchor = pt(outsideAt.x + S.BOX_W / 2, outsideAt.y);
  b.anchors.set(OUTSIDE_ID, anchor);
  services.forEach((data, i) => {
    const at = cell(i + 1);
    const id = serviceId(data.namespace, data.name);
    b.nodes.push({
      id,
      type: 'service',
      position: at,
      width: S.BOX_W,
      height: S.BOX_H,
      data,
    });
    b.anchors.set(id, pt(at.x + S.BOX_W / 2, at.y + S.BOX_H / 2));
  });
  return anchor;
}
