/**
 * Weave fastdp's VXLAN encapsulation (datapath.md §4.4, §4.6 steps 5–7): a frame from a pod on
 * node A to a pod on node B leaves A inside UDP to B's InternalIP port 6784; the VNI carries
 * (B's short id << 12) | A's short id; the inner frame is untouched (pod MACs, pod IPs, TTL). The
 * outer headers add 50 bytes on the wire. Docker mode has no overlay at all.
 */
import { lookupRoute, nextHop } from '../routing/lookup.ts';
import {
  VXLAN_OVERHEAD,
  VXLAN_SRC_PORT_MAX,
  VXLAN_SRC_PORT_MIN,
  WEAVE_FASTDP_PORT,
} from './constants.ts';
import { findNode } from './find.ts';
import { resolveOnLink } from './l2.ts';
import type { ClusterNetwork, NodeNetwork } from './network-model.ts';
import { overlayPath } from './overlay-path.ts';
import { splitWeaveVni } from './weave-vni.ts';

/** The inner flow, which the UDP source port is hashed from. */
export interface FlowKey {
  /** Inner source IP. */
  readonly src: string;
  /** Inner destination IP. */
  readonly dst: string;
  /** `tcp`, `udp`, `icmp`. */
  readonly protocol: string;
  /** Inner source port; null for ICMP. */
  readonly srcPort: number | null;
  /** Inner destination port; null for ICMP. */
  readonly dstPort: number | null;
}

/** An Ethernet frame carrying an IPv4 packet; `payload` is whatever the caller's packet is. */
export interface EthernetFrame<P> {
  /** Source MAC. */
  readonly srcMac: string;
  /** Destination MAC. */
  readonly dstMac: string;
  /** Length of the IPv4 packet (its total length field). */
  readonly ipLength: number;
  /** The packet's flow. */
  readonly flow: FlowKey;
  /** The caller's packet, carried unchanged. */
  readonly payload: P;
}

/** Length of an Ethernet frame (header 14 bytes, no FCS) around an IPv4 packet of `ipLength`. */
export function frameLength(ipLength: number): number {
  return ipLength + 14;
}

/**
 * The outer UDP source port: a hash of the inner flow spread over the ephemeral range, the way
 * the kernel's `udp_flow_src_port` does (its hash is seeded per boot; podpath's is FNV-1a).
 */
export function flowSourcePort(flow: FlowKey): number {
  const text = `${flow.src}|${flow.dst}|${flow.protocol}|${flow.srcPort ?? ''}|${flow.dstPort ?? ''}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash = (hash ^ (hash << 16)) >>> 0;
  const span = VXLAN_SRC_PORT_MAX - VXLAN_SRC_PORT_MIN;
  return Math.floor((hash * span) / 2 ** 32) + VXLAN_SRC_PORT_MIN;
}

/** The outer IPv4/UDP/VXLAN headers around an inner frame. */
export interface VxlanPacket<P> {
  /** Node that encapsulated it. */
  readonly srcNode: string;
  /** Node it is addressed to. */
  readonly dstNode: string;
  /** Outer Ethernet and IPv4 header. */
  readonly outer: {
    /** Sending node's eth0 MAC. */
    readonly srcMac: string;
    /** Next hop's MAC on the LAN (the other node, or the router). */
    readonly dstMac: string;
    /** Sending node's InternalIP. */
    readonly src: string;
    /** Receiving node's InternalIP. */
    readonly dst: string;
    /** Outer TTL. */
    readonly ttl: number;
    /** Outer IPv4 total length. */
    readonly ipLength: number;
  };
  /** Outer UDP header. */
  readonly udp: {
    /** Hash of the inner flow. */
    readonly srcPort: number;
    /** 6784. */
    readonly dstPort: number;
    /** UDP length (header + VXLAN + inner frame). */
    readonly length: number;
  };
  /** VXLAN header. */
  readonly vxlan: {
    /** Flags byte: 0x08, "VNI present". */
    readonly flags: number;
    /** 24-bit VNI. */
    readonly vni: number;
  };
  /** The inner frame, unchanged. */
  readonly inner: EthernetFrame<P>;
  /** Bytes on the wire (outer Ethernet header included, FCS not): inner frame + 50. */
  readonly wireLength: number;
}

/** The MAC the outer frame is addressed to: `to`'s eth0 if on-link, else the router's. */
function underlayNextHopMac(network: ClusterNetwork, a: NodeNetwork, b: NodeNetwork): string {
  const hop = nextHop(lookupRoute(a.host, b.internalIP));
  if (hop === null) return b.mac;
  return resolveOnLink(network, a.host, 'eth0', hop).owner?.mac ?? b.mac;
}

export type EncapResult<P> =
  | {
      /** Encapsulated. */
      readonly ok: true;
      /** The outer packet. */
      readonly packet: VxlanPacket<P>;
    }
  | {
      /** Not possible. */
      readonly ok: false;
      /** Why. */
      readonly reason: string;
    };

/**
 * Wraps `frame` (from a pod on `from` to one on `to`) the way node `from`'s datapath does.
 *
 * @example
 * const r = vxlanEncapsulate(network, 'node1', 'node2', frame);
 * if (r.ok) r.packet.udp.dstPort; // 6784
 */
export function vxlanEncapsulate<P>(
  network: ClusterNetwork,
  from: string,
  to: string,
  frame: EthernetFrame<P>,
): EncapResult<P> {
  const path = overlayPath(network, from, to);
  if (path.kind === 'none') return { ok: false, reason: path.reason };
  if (frame.ipLength > network.podMtu) {
    return {
      ok: false,
      reason: `the inner packet (${frame.ipLength} bytes) is larger than the pod MTU ${network.podMtu}`,
    };
  }
  const a = findNode(network, from) as NodeNetwork;
  const b = findNode(network, to) as NodeNetwork;
  const inner = frameLength(frame.ipLength);
  const udpLength = 8 + 8 + inner;
  return {
    ok: true,
    packet: {
      srcNode: from,
      dstNode: to,
      outer: {
        srcMac: a.mac,
        dstMac: underlayNextHopMac(network, a, b),
        src: path.src,
        dst: path.dst,
        ttl: 64,
        ipLength: 20 + udpLength,
      },
      udp: { srcPort: flowSourcePort(frame.flow), dstPort: path.port, length: udpLength },
      vxlan: { flags: 0x08, vni: path.vni },
      inner: frame,
      wireLength: inner + VXLAN_OVERHEAD,
    },
  };
}

export type DecapResult<P> =
  | {
      /** Decapsulated. */
      readonly ok: true;
      /** The inner frame, as it enters `vethwe-bridge` → `weave` on the receiving node. */
      readonly frame: EthernetFrame<P>;
      /** Node that sent it (from the VNI's source short id). */
      readonly from: string;
    }
  | {
      /** Dropped. */
      readonly ok: false;
      /** Why. */
      readonly reason: string;
    };

/**
 * Unwraps a VXLAN packet arriving at node `at`: it must be addressed to `at` on UDP 6784 and carry
 * a VNI whose destination is `at`'s peer and whose source is a known peer.
 */
export function vxlanDecapsulate<P>(
  network: ClusterNetwork,
  at: string,
  packet: VxlanPacket<P>,
): DecapResult<P> {
  const node = findNode(network, at);
  if (!node?.weavePeer) return { ok: false, reason: `${at} runs no Weave router` };
  if (packet.outer.dst !== node.internalIP) {
    return {
      ok: false,
      reason: `addressed to ${packet.outer.dst}, not ${at} (${node.internalIP})`,
    };
  }
  if (packet.udp.dstPort !== WEAVE_FASTDP_PORT) {
    return { ok: false, reason: `UDP port ${packet.udp.dstPort} is not Weave's VXLAN port` };
  }
  const ids = splitWeaveVni(packet.vxlan.vni);
  if (ids.dst !== node.weavePeer.shortId) {
    return { ok: false, reason: `VNI ${packet.vxlan.vni} is for peer ${ids.dst}, not ${at}` };
  }
  const sender = network.nodes.find((n) => n.weavePeer?.shortId === ids.src);
  if (!sender)
    return { ok: false, reason: `VNI ${packet.vxlan.vni} names unknown peer ${ids.src}` };
  return { ok: true, frame: packet.inner, from: sender.node };
}
