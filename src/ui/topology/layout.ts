/**
 * ClusterModel + ClusterNetwork → React Flow nodes and edges, and the anchor points the packet
 * layer moves packets between. Pure and deterministic: nodes sit in a grid by their index in the
 * cluster (COLUMNS per row, each growing upward from its row's baseline), pods by sorted
 * namespace id, so adding or removing a worker or a pod leaves the other nodes where they were.
 * Memoised per model: `getLayout(model)` returns the same object for the same model.
 */
import type { ClusterModel, ClusterNetwork } from '../../engine/index.ts';
import { findCollisions } from './collisions.ts';
import { newBuilder, pt } from './layout-builder.ts';
import { placeLinks, type PlacedNode } from './link-layout.ts';
import { placeNode } from './node-layout.ts';
import { planNode, type NodePlan } from './node-plan.ts';
import { placeBoxes } from './service-layout.ts';
import * as S from './sizes.ts';
import { networkOf } from './subnet.ts';
import type { Rect, TopologyLayout, TopologyNode } from './types.ts';

export interface LayoutInput {
  readonly cluster: ClusterModel;
  readonly network: ClusterNetwork;
}

const cache = new WeakMap<LayoutInput, TopologyLayout>();

/** The layout of the model on screen (computed once per model object). */
export function getLayout(model: LayoutInput): TopologyLayout {
  let layout = cache.get(model);
  if (!layout) {
    layout = computeLayout(model.cluster, model.network);
    cache.set(model, layout);
  }
  return layout;
}

export function computeLayout(cluster: ClusterModel, network: ClusterNetwork): TopologyLayout {
  const b = newBuilder();
  const pods = new Map(cluster.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  const roles = new Map(cluster.nodes.map((n) => [n.name, n.role]));
  const collisions = findCollisions(network);
  const plans = network.nodes.map((net) =>
    planNode(net, roles.get(net.node) ?? 'worker', pods, collisions),
  );

  const rows = Math.max(1, Math.ceil(plans.length / S.COLUMNS));
  const baselines: number[] = [];
  for (let r = 0; r < rows; r++) {
    const tallest = Math.max(0, ...rowOf(plans, r).map((p) => p.height));
    baselines.push(r === 0 ? 0 : baselines[r - 1]! + S.ROW_SPACING + tallest);
  }

  const placed: PlacedNode[] = plans.map((plan, i) => {
    const row = Math.floor(i / S.COLUMNS);
    const gx = (i % S.COLUMNS) * S.NODE_PITCH;
    return { name: plan.net.node, row, ports: placeNode(b, plan, gx, baselines[row]!) };
  });

  const lastRow = rows - 1;
  const outsideAt = placeBoxes(
    b,
    cluster,
    network.nodes[0]?.gateway ?? null,
    baselines[lastRow]! + S.SERVICES_DY,
  );
  placeLinks(
    b,
    placed,
    { at: outsideAt, row: lastRow },
    {
      baselines,
      lanCidr: lanCidr(network),
      overlay: overlayOf(network, plans),
    },
  );

  // React Flow wants parents before their children.
  const nodes = [
    ...b.nodes.filter((n) => n.parentId === undefined),
    ...b.nodes.filter((n) => n.parentId !== undefined),
  ];
  return {
    nodes,
    edges: b.edges,
    anchors: b.anchors,
    paths: b.paths,
    edgeByEnds: b.edgeByEnds,
    bounds: boundsOf(nodes),
  };
}

function rowOf(plans: readonly NodePlan[], r: number): readonly NodePlan[] {
  return plans.slice(r * S.COLUMNS, (r + 1) * S.COLUMNS);
}

/** The nodes' LAN (`192.168.56.0/24`), from the first node's eth0. */
function lanCidr(network: ClusterNetwork): string | null {
  const eth0 = network.nodes[0]?.host.interfaces.find((i) => i.name === 'eth0');
  const addr = eth0?.addresses[0];
  return addr ? networkOf(addr.address, addr.prefix) : null;
}

function overlayOf(network: ClusterNetwork, plans: readonly NodePlan[]) {
  const dev = plans.find((p) => p.vxlanDev)?.vxlanDev;
  if (!dev) return null;
  const port = Number(/(\d+)$/.exec(dev)?.[1] ?? 6784);
  return { port, mtu: network.podMtu };
}

/** Top-level boxes, plus the chips hanging under the nodes' bottom edge. */
function boundsOf(nodes: readonly TopologyNode[]): Rect {
  const parents = new Map(nodes.map((n) => [n.id, n]));
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    const parent = n.parentId ? parents.get(n.parentId) : undefined;
    const x = n.position.x + (parent?.position.x ?? 0);
    const y = n.position.y + (parent?.position.y ?? 0);
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + (n.width ?? 0));
    y1 = Math.max(y1, y + (n.height ?? 0));
  }
  if (!Number.isFinite(x0)) return { x: 0, y: 0, width: 0, height: 0 };
  return { ...pt(x0, y0), width: x1 - x0, height: y1 - y0 };
}
