/**
 * Which port of a node's pod bridge an address lives behind: a local pod's veth, Weave's
 * `vethwe-bridge` (every other node, over the overlay), the bridge itself, or nothing.
 */
import { findNode } from './find.ts';
import type { L2Owner } from './l2.ts';
import { arpOwner, segmentOf } from './l2.ts';
import type { ClusterNetwork, PodRef } from './network-model.ts';

/** Where an address lives as seen from a node's pod bridge. */
export type BridgeLocation =
  | {
      /** The bridge's own address: frames are delivered up to the host. */
      readonly kind: 'bridge';
    }
  | {
      /** A local pod, behind its veth. */
      readonly kind: 'pod';
      /** The port (host-side veth). */
      readonly port: string;
      /** The pod. */
      readonly pod: PodRef;
      /** The pod's namespace id. */
      readonly namespace: string;
      /** The pod's MAC. */
      readonly mac: string;
    }
  | {
      /** Weave: another node's pod or bridge, behind `vethwe-bridge` and the overlay. */
      readonly kind: 'overlay';
      /** `vethwe-bridge`. */
      readonly port: string;
      /** The node it lives on. */
      readonly node: string;
      /** Who has it there. */
      readonly owner: L2Owner;
    }
  | {
      /** Nobody on this bridge's segment has it. */
      readonly kind: 'none';
    };

/**
 * Which port of `node`'s bridge the address `ip` is behind.
 *
 * @example
 * bridgePortFor(weaveNetwork, 'node2', '10.36.0.1'); // { kind: 'pod', port: 'vethwepl…', … }
 * bridgePortFor(weaveNetwork, 'node1', '10.36.0.1'); // { kind: 'overlay', port: 'vethwe-bridge', node: 'node2', … }
 */
export function bridgePortFor(network: ClusterNetwork, node: string, ip: string): BridgeLocation {
  const n = findNode(network, node);
  if (!n) return { kind: 'none' };
  const segment = segmentOf(network, n.host, n.bridge.name);
  const owner = arpOwner(network, segment, node, ip, null);
  if (!owner) return { kind: 'none' };
  if (owner.path === 'overlay' && owner.node !== null) {
    return { kind: 'overlay', port: owner.port ?? 'vethwe-bridge', node: owner.node, owner };
  }
  if (owner.kind === 'pod' && owner.pod && owner.port && owner.namespace) {
    return {
      kind: 'pod',
      port: owner.port,
      pod: owner.pod,
      namespace: owner.namespace,
      mac: owner.mac,
    };
  }
  return { kind: 'bridge' };
}
