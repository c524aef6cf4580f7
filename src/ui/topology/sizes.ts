/**
 * Fixed sizes of everything the topology draws, in flow units (px at zoom 1). Nothing is
 * measured: layout.ts places boxes from these numbers alone (house-style §4.1.9).
 *
 * A Kubernetes node is a box that grows upward from its row's baseline: header, pods, the
 * bridge, the host row (hostNetwork pods), and eth0 / vxlan-6784 sitting on its bottom edge.
 * Under the row run the LAN bus and Weave's overlay lane; under them, the Services.
 */

/** Node boxes per row; a fixed count, so adding a node never moves the others. */
export const COLUMNS = 4;
export const NODE_W = 200;
export const NODE_GAP = 24;
export const NODE_PITCH = NODE_W + NODE_GAP;

/** The vertical line (x inside a node) on which the bridge, host, eth0 and veth ends sit. */
export const SPINE_X = 16;
export const HEADER_H = 26;

export const POD_X = 30;
export const POD_W = NODE_W - POD_X - 6;
export const POD_H = 48;
/** A pod whose address is also used on another node gets a line for the warning. */
export const POD_H_COLLISION = 76;
export const POD_GAP = 6;
/** More pods than this on a node: the rest are summed up in one box. */
export const MAX_PODS_SHOWN = 5;

export const BRIDGE_X = 6;
export const BRIDGE_W = NODE_W - 2 * BRIDGE_X;
export const BRIDGE_H = 26;
export const HOST_H = 22;
export const ROW_GAP = 6;

/** eth0 and vxlan-6784 straddle the node's bottom edge. */
export const CHIP_H = 32;
export const ETH0_X = 6;
export const ETH0_W = 112;
export const VXLAN_W = 68;
export const VXLAN_X = NODE_W - 6 - VXLAN_W;
/** The bridge → vxlan-6784 link drops to the chip near its right end, leaving the host row room. */
export const VXLAN_DROP_X = NODE_W - 14;

/** Below a row's baseline (the nodes' bottom edge). */
export const LAN_DY = 34;
export const OVERLAY_DY = 56;
export const SERVICES_DY = 86;
/** Room a row needs above the next row's tallest node. */
export const ROW_SPACING = SERVICES_DY;

/** Services (and the outside client) per row under the nodes, as wide as three nodes. */
export const BOXES_PER_ROW = 4;
export const BOX_GAP = 10;
export const BOX_W = Math.floor((3 * NODE_W + 2 * NODE_GAP - 3 * BOX_GAP) / BOXES_PER_ROW);
export const BOX_H = 60;

/** Where a vertical trunk joins buses of different rows, left of the first column. */
export const TRUNK_X = -14;
