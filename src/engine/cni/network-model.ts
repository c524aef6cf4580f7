/**
 * The nodes' network namespaces as `ip link`, `ip addr` and `ip route` would show them on a real
 * lab, plus the bridge and overlay facts the packet walk needs. Plain, readonly, serialisable data,
 * built from a ClusterModel by build-network.ts.
 */
import type { CniKind } from '../k8s/cluster-model.ts';
import type { InterfaceAddress } from '../routing/interface-address.ts';
import type { Route } from '../routing/route.ts';

/** A pod by namespace and name. */
export interface PodRef {
  /** metadata.namespace. */
  readonly namespace: string;
  /** metadata.name. */
  readonly name: string;
}

/** Link types as `ip -d link` names them (`ether` for a plain NIC). */
export type LinkKind = 'loopback' | 'ether' | 'bridge' | 'veth' | 'openvswitch' | 'vxlan';

/** The other end of a veth pair. */
export interface VethPeer {
  /** Its ifindex. */
  readonly index: number;
  /** Its name when it is in the same namespace (`vethwe-bridge@vethwe-datapath`); else null (`@if10`). */
  readonly name: string | null;
  /** `link-netnsid` of the namespace holding it when that is another one; else null. */
  readonly netnsId: number | null;
}

export interface NetInterface {
  /** ifindex. */
  readonly index: number;
  /** Device name. */
  readonly name: string;
  /** Link type. */
  readonly kind: LinkKind;
  /** MAC address (`link/ether`). */
  readonly mac: string;
  /** MTU in bytes. */
  readonly mtu: number;
  /** Queueing discipline. */
  readonly qdisc: 'noqueue' | 'fq_codel';
  /** Link flags in iproute2's order (`BROADCAST,MULTICAST,UP,LOWER_UP`). */
  readonly flags: readonly string[];
  /** Operational state. */
  readonly state: 'UP' | 'DOWN' | 'UNKNOWN';
  /** Bridge or datapath this device is a port of; null when none. */
  readonly master: string | null;
  /** The veth peer; null for other link types. */
  readonly peer: VethPeer | null;
  /** Transmit queue length when iproute2 prints one (`qlen 1000`); else null. */
  readonly qlen: number | null;
  /** Bridge port with hairpin mode on (a frame may leave by the port it came in on). */
  readonly hairpin: boolean;
  /** IPv4 addresses. */
  readonly addresses: readonly InterfaceAddress[];
}

export interface NetNamespace {
  /** Stable id: the node name for a host namespace, `node/namespace/name` for a pod's. */
  readonly id: string;
  /** Node it lives on. */
  readonly node: string;
  /** The node's own namespace, or a pod sandbox's. */
  readonly kind: 'host' | 'pod';
  /** The pod whose sandbox this is; null for the host namespace. */
  readonly pod: PodRef | null;
  /** hostNetwork pods sharing this namespace (kube-proxy, weave-net); empty for pod namespaces. */
  readonly hostNetworkPods: readonly PodRef[];
  /** Interfaces in ifindex order. */
  readonly interfaces: readonly NetInterface[];
  /** Routes of the `local` and `main` tables. */
  readonly routes: readonly Route[];
  /** Addresses configured on its interfaces (`addrtype LOCAL` also covers all of 127.0.0.0/8). */
  readonly localAddresses: readonly string[];
}

/** A port of the node's pod bridge. */
export interface BridgePort {
  /** Port device (`vethwepl1a2b3c4`, `veth3f2a1b9`, `vethwe-bridge`). */
  readonly dev: string;
  /** A pod's host-side veth, or Weave's link to the datapath (every other node is behind it). */
  readonly kind: 'pod' | 'overlay';
  /** Hairpin mode on this port. */
  readonly hairpin: boolean;
  /** The pod behind a pod port; null for the overlay port. */
  readonly pod: PodRef | null;
  /** The pod's IP; null for the overlay port. */
  readonly ip: string | null;
  /** The pod's eth0 MAC; null for the overlay port. */
  readonly mac: string | null;
  /** Id of the pod's namespace; null for the overlay port. */
  readonly namespace: string | null;
}

/** The node's pod bridge. */
export interface NodeBridge {
  /** `weave` or `docker0`. */
  readonly name: 'weave' | 'docker0';
  /** Its address (every local pod's default gateway). */
  readonly ip: string;
  /** Prefix length of that address. */
  readonly prefix: number;
  /** Its MAC (what pods resolve the gateway to). */
  readonly mac: string;
  /** Ports, pods in ifindex order, then Weave's `vethwe-bridge`. */
  readonly ports: readonly BridgePort[];
}

/** The node's Weave router as the other peers know it. */
export interface WeavePeer {
  /** Peer name (MAC-like, from the machine id). */
  readonly name: string;
  /** 12-bit short id used in the VXLAN VNI. */
  readonly shortId: number;
  /** Nickname: the node name. */
  readonly nickname: string;
}

export interface NodeNetwork {
  /** Node name. */
  readonly node: string;
  /** The node's InternalIP (on eth0). */
  readonly internalIP: string;
  /** eth0's MAC. */
  readonly mac: string;
  /** The LAN gateway (`default via`). */
  readonly gateway: string;
  /** The host network namespace (shared by hostNetwork pods). */
  readonly host: NetNamespace;
  /** One namespace per pod with its own network, in IP order. */
  readonly pods: readonly NetNamespace[];
  /** The pod bridge. */
  readonly bridge: NodeBridge;
  /** The Weave router on this node; null in Docker mode. */
  readonly weavePeer: WeavePeer | null;
}

/** The whole cluster's network. */
export interface ClusterNetwork {
  /** The pod network. */
  readonly cni: CniKind;
  /** Weave's allocation range, or the docker0 subnet every node repeats. */
  readonly podNetworkCIDR: string;
  /** MTU of pod interfaces and the bridge. */
  readonly podMtu: number;
  /** Nodes in cluster order. */
  readonly nodes: readonly NodeNetwork[];
}
