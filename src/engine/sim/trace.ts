/**
 * A simulated packet's journey as plain data: the engine returns it, the CLI prints it, the UI
 * animates it. Nothing here knows about time on screen.
 */
import type { Protocol, ResolvedRequest } from './request.ts';
import type { TraceText } from './trace-messages.ts';

/** A packet's headers as a learner reads them. */
export interface PacketView {
  readonly src: string;
  readonly sport: number;
  readonly dst: string;
  readonly dport: number;
  readonly protocol: Protocol;
  /** The netfilter mark (kube-proxy's 0x4000 masquerade bit). */
  readonly mark: number;
  readonly ttl: number;
  /** Set while the packet travels inside Weave's VXLAN tunnel. */
  readonly outer?: {
    readonly src: string;
    readonly dst: string;
    readonly sport: number;
    readonly dport: number;
    readonly vni: number;
  };
}

/** One rule that matched, as `iptables -S`/`iptables -L --line-numbers` name it. */
export interface RuleStep {
  readonly table: string;
  readonly chain: string;
  /** 1-based position in its chain. */
  readonly ruleNumber: number;
  /** The rule as `iptables-save` prints it. */
  readonly ruleText: string;
  /** What it did: `jump KUBE-SVC-…`, `random 0.33333333349: taken (drew 0.21)`, `DNAT to 10.36.0.1:80`. */
  readonly effect: string;
  /** `effect` as messages, for other languages. */
  readonly effectMsg: TraceText;
}

export type HopKind =
  | 'send'
  | 'route'
  | 'veth'
  | 'bridge'
  | 'netfilter'
  | 'conntrack'
  | 'encap'
  | 'wire'
  | 'decap'
  | 'deliver'
  | 'drop'
  | 'reject'
  | 'unreachable'
  | 'loopback';

export interface Hop {
  readonly kind: HopKind;
  /** The node the packet is on; null on the wire between nodes or outside the cluster. */
  readonly node: string | null;
  /** `host`, `pod default/web-…`, `wire` or `outside`. */
  readonly namespace: string;
  /** The interface involved (`eth0`, `vethwepl1a2b3c4`, `weave`, `vxlan-6784`). */
  readonly iface?: string;
  /** For netfilter hops: the hook and table. */
  readonly hook?: 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';
  readonly table?: string;
  /** Rules that matched, in evaluation order. */
  readonly rules?: readonly RuleStep[];
  /** ACCEPT, DROP, REJECT, DNAT… or the routing result. */
  readonly verdict?: string;
  readonly before: PacketView;
  readonly after: PacketView;
  /** The connection's conntrack entry after this hop, as `conntrack -L` prints it. */
  readonly conntrack?: string;
  /** The topology link it travels (ids shared with the UI: `veth:node1/default/web-…`, `overlay:node1>node2`). */
  readonly link?: string;
  /**
   * A hook run on the overlay's outer datagram (the VXLAN UDP packet a node sends or receives
   * for the encapsulated one): the UI draws it at the node's vxlan device.
   */
  readonly tunnel?: true;
  /** One sentence saying what happened and why (English). */
  readonly note: string;
  /** `note` as messages, for other languages. */
  readonly noteMsg: TraceText;
}

export type Outcome =
  | {
      readonly kind: 'delivered';
      readonly node: string | null;
      readonly to: string;
      readonly ip: string;
      readonly port: number;
    }
  | {
      readonly kind: 'dropped' | 'rejected' | 'unreachable';
      readonly node: string | null;
      /** Why (English). */
      readonly reason: string;
      /** `reason` as messages, for other languages. */
      readonly reasonMsg: TraceText;
    };

export interface PacketTrace {
  /** original: client → server; reply: server → client. */
  readonly direction: 'original' | 'reply';
  readonly hops: readonly Hop[];
  readonly outcome: Outcome;
}

export interface ConnectionTrace {
  readonly index: number;
  readonly sport: number;
  /** The endpoint kube-proxy chose (after DNAT), or the original target when there was no DNAT. */
  readonly backend: {
    readonly ip: string;
    readonly port: number;
    readonly pod: string | null;
    readonly node: string | null;
  } | null;
  readonly outcome: Outcome;
  /** Every packet, both ways; empty for connections beyond `detail`. */
  readonly packets: readonly PacketTrace[];
}

export interface Trace {
  readonly request: ResolvedRequest;
  readonly seed: number;
  readonly connections: readonly ConnectionTrace[];
}
