/**
 * The topology's React Flow node and edge types. Node data is small and stable per model (names,
 * addresses, a few offsets); highlights are not data, each component selects its own by id.
 */
import type { Edge, Node } from '@xyflow/react';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A hostNetwork pod shown as a badge on its node's host row. */
export type HostPodBadge = {
  readonly key: string;
  readonly label: string;
  readonly title: string;
};

export type KubeNodeData = {
  readonly name: string;
  readonly role: 'control-plane' | 'worker';
  readonly internalIP: string;
  readonly hostPods: readonly HostPodBadge[];
  /** The bridge's port rail, from the first pod's veth end down to the bridge (null: no pods). */
  readonly rail: { readonly top: number; readonly bottom: number } | null;
  /** Top of the host row. */
  readonly hostTop: number;
};

export type PodData = {
  /** Network namespace id, `node/namespace/name`. */
  readonly nsId: string;
  readonly namespace: string;
  readonly name: string;
  readonly shortName: string;
  readonly ip: string;
  /** The host end of its veth pair (`vethwepl…`, `veth…`). */
  readonly veth: string | null;
  /** Another pod on another node with the same address (docker0 on every node). */
  readonly collision: { readonly pod: string; readonly node: string } | null;
};

export type MorePodsData = {
  readonly node: string;
  readonly count: number;
  /** Namespace ids of the pods not drawn (their anchors point here). */
  readonly nsIds: readonly string[];
};

export type IfaceData = {
  readonly kind: 'eth0' | 'bridge' | 'vxlan';
  readonly node: string;
  /** Device name: `eth0`, `weave`, `docker0`, `vxlan-6784`. */
  readonly dev: string;
  /** `192.168.56.11`, `10.44.0.0/12`; vxlan: null. */
  readonly address: string | null;
};

export type ServiceData = {
  /** `namespace/name`. */
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly type: string;
  /** The virtual address, or null (ExternalName). */
  readonly clusterIP: string | null;
  /** `80/TCP`, `53/UDP`, `80:30080/TCP` (port:nodePort). */
  readonly ports: readonly string[];
  /** kube-system's and the API server's: drawn quieter. */
  readonly system: boolean;
};

export type OutsideData = {
  /** The LAN gateway the nodes route outside traffic to. */
  readonly gateway: string | null;
};

export type KubeNodeFlow = Node<KubeNodeData, 'kube-node'>;
export type PodFlow = Node<PodData, 'pod'>;
export type MorePodsFlow = Node<MorePodsData, 'more-pods'>;
export type IfaceFlow = Node<IfaceData, 'iface'>;
export type ServiceFlow = Node<ServiceData, 'service'>;
export type OutsideFlow = Node<OutsideData, 'outside'>;
export type TopologyNode =
  KubeNodeFlow | PodFlow | MorePodsFlow | IfaceFlow | ServiceFlow | OutsideFlow;

export type LinkKind = 'veth' | 'bridge-eth0' | 'bridge-vxlan' | 'lan' | 'overlay';

export type LinkLabel =
  | { readonly kind: 'lan'; readonly cidr: string }
  | { readonly kind: 'overlay'; readonly port: number; readonly mtu: number }
  /** docker0: nothing joins the nodes' pod networks. */
  | { readonly kind: 'no-overlay' };

export type LinkData = {
  readonly kind: LinkKind;
  /** The drawn path in flow coordinates, from the source's anchor to the target's. */
  readonly points: readonly Point[];
  /** Labels and where each one's left edge sits (its vertical middle). */
  readonly labels: readonly { readonly label: LinkLabel; readonly at: Point }[];
};

export type LinkEdge = Edge<LinkData, 'link'>;

export interface TopologyLayout {
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly LinkEdge[];
  /** Every anchor of ids.ts (host, eth0, bridge, vxlan, veth, pod, service, outside) → a point. */
  readonly anchors: ReadonlyMap<string, Point>;
  /** Edge id → its path (the same points the edge draws). */
  readonly paths: ReadonlyMap<string, readonly Point[]>;
  /** `anchorA|anchorB` (sorted) → the edge joining them. */
  readonly edgeByEnds: ReadonlyMap<string, string>;
  /** What fitView has to show. */
  readonly bounds: Rect;
}
