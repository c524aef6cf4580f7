/** nodeTypes and edgeTypes at module scope (a new object per render makes React Flow remount). */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import LinkEdgeView from './edges/LinkEdgeView.tsx';
import IfaceChip from './nodes/IfaceChip.tsx';
import KubeNodeBox from './nodes/KubeNodeBox.tsx';
import MorePodsBox from './nodes/MorePodsBox.tsx';
import OutsideBox from './nodes/OutsideBox.tsx';
import PodBox from './nodes/PodBox.tsx';
import ServiceBox from './nodes/ServiceBox.tsx';

export const NODE_TYPES = {
  'kube-node': KubeNodeBox,
  pod: PodBox,
  'more-pods': MorePodsBox,
  iface: IfaceChip,
  service: ServiceBox,
  outside: OutsideBox,
} satisfies NodeTypes;

export const EDGE_TYPES = { link: LinkEdgeView } satisfies EdgeTypes;
