/**
 * How pod frames travel between two nodes: Weave fastdp (kernel VXLAN on UDP 6784, the VNI naming
 * both peers), or no way at all with Docker, whose docker0 is local to each node.
 */
import { WEAVE_FASTDP_PORT } from './constants.ts';
import { findNode } from './find.ts';
import type { ClusterNetwork, WeavePeer } from './network-model.ts';
import { weaveVni } from './weave-vni.ts';

/** How two nodes exchange pod frames. */
export type OverlayPath =
  | {
      /** Weave fastdp: kernel VXLAN over UDP 6784. */
      readonly kind: 'fastdp';
      /** Sending node's peer. */
      readonly from: WeavePeer;
      /** Receiving node's peer. */
      readonly to: WeavePeer;
      /** The VNI used in this direction. */
      readonly vni: number;
      /** Outer source (sending node's InternalIP). */
      readonly src: string;
      /** Outer destination (receiving node's InternalIP). */
      readonly dst: string;
      /** UDP destination port. */
      readonly port: number;
    }
  | {
      /** No path: Docker mode, the same node, or an unknown node. */
      readonly kind: 'none';
      /** Why. */
      readonly reason: string;
    };

/**
 * How pod frames get from node `from` to node `to`.
 *
 * @example
 * overlayPath(weaveNetwork, 'node1', 'node2'); // { kind: 'fastdp', vni: (node2 id << 12) | node1 id, … }
 * overlayPath(dockerNetwork, 'node1', 'node2').reason; // 'Docker has no overlay: …'
 */
export function overlayPath(network: ClusterNetwork, from: string, to: string): OverlayPath {
  const a = findNode(network, from);
  const b = findNode(network, to);
  if (!a || !b) return { kind: 'none', reason: `no node named ${!a ? from : to}` };
  if (from === to) return { kind: 'none', reason: `${from} and ${to} are the same node` };
  if (network.cni !== 'weave' || !a.weavePeer || !b.weavePeer) {
    return {
      kind: 'none',
      reason:
        `Docker has no overlay: ${from}'s docker0 (${a.bridge.ip}/${a.bridge.prefix}) is a bridge ` +
        `local to ${from}, and ${to} uses the same subnet for its own containers, so no route or ` +
        `ARP can reach a container on ${to}; only ${to}'s own address ${b.internalIP} (a published ` +
        `port) is reachable`,
    };
  }
  return {
    kind: 'fastdp',
    from: a.weavePeer,
    to: b.weavePeer,
    vni: weaveVni(b.weavePeer.shortId, a.weavePeer.shortId),
    src: a.internalIP,
    dst: b.internalIP,
    port: WEAVE_FASTDP_PORT,
  };
}
