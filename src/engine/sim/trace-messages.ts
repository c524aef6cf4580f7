/**
 * Every sentence a trace speaks, as data: a message id and its arguments. A hop's note, a rule's
 * effect and an outcome's reason are lists of these parts. The engine renders them in English
 * (`note-text.ts`, the text of the CLI and the golden files); the UI renders them in the learner's
 * language. Arguments are addresses, names, devices and rule text: never words to translate.
 */

/** A message without arguments. */
type NoArgs = Readonly<Record<never, never>>;

/** A pod as `namespace/name`, or null for the node's own (host) namespace. */
export type PodName = string | null;

/** An interface that has an address the ARP request could not reach. */
export interface AddressOwner {
  /** The pod whose eth0 it is (`namespace/name`), or null for a node's own device. */
  readonly pod: string | null;
  /** Its device. */
  readonly dev: string;
  /** The node it is on. */
  readonly node: string;
}

/** Each message id with its arguments; the comment is the English text. */
export interface TraceMessageArgs {
  // Who sends.
  /** `the pod default/client sends from eth0` */
  readonly podSends: { readonly pod: PodName; readonly dev: string };
  /** `a process on node1 sends` */
  readonly hostSends: { readonly node: string };
  /** `a client outside the cluster (203.0.113.50) sends` */
  readonly outsideSends: { readonly src: string };

  // Routing and ARP inside a pod.
  /** `172.17.0.2 is this pod's own address: the route lookup hits the local table…` */
  readonly loopback: { readonly dst: string };
  /** `no route to 10.0.0.1 in the pod` */
  readonly podNoRoute: { readonly dst: string };
  /** `10.100.100.100 is off-link: default route via the gateway 10.44.0.0` */
  readonly offLink: { readonly dst: string; readonly via: string };
  /** `10.44.0.1 is on-link (dev eth0)` */
  readonly onLink: { readonly dst: string; readonly dev: string };
  /** `ARP for 10.44.0.0: answered by the node's bridge (weave)` */
  readonly arpBridge: { readonly ip: string; readonly dev: string };
  /** `ARP for 10.44.0.1: answered by pod default/client` */
  readonly arpPod: { readonly ip: string; readonly pod: string };
  /** `ARP for 10.44.0.1: answered by pod default/client on node1, across the overlay` */
  readonly arpPodOverlay: { readonly ip: string; readonly pod: string; readonly node: string };
  /** `ARP for 192.168.56.1: answered by eth0` */
  readonly arpDev: { readonly ip: string; readonly dev: string };
  /** `ARP for 172.17.0.3: no answer` */
  readonly arpNoAnswer: { readonly ip: string };

  // Why nobody answered ARP.
  /** `nobody answers ARP for 10.0.0.9` */
  readonly arpNobody: { readonly ip: string };
  /** `nobody on node2's docker0 has 172.17.0.3[: it belongs to …, but each node's docker0 is…]` */
  readonly docker0Nobody: {
    readonly node: string;
    readonly ip: string;
    readonly holders: readonly AddressOwner[];
  };
  /** `no pod or bridge in the Weave network has 10.40.0.9: the ARP request was flooded…` */
  readonly weaveNobody: { readonly ip: string };
  /** `nobody on the LAN 192.168.56.0/24 has 192.168.56.99` */
  readonly lanNobody: { readonly cidr: string; readonly ip: string };
  /** `lo on node1 is not a broadcast link` */
  readonly notBroadcast: { readonly dev: string; readonly node: string };
  /** `the sender gets EHOSTUNREACH (No route to host)` */
  readonly ehostunreach: NoArgs;

  // On a node.
  /** `through the veth pair: the pod's eth0 → vethwepl… on the node, a port of the weave bridge` */
  readonly veth: { readonly dev: string; readonly bridge: string };
  /** `the frame is addressed to 10.36.0.1's MAC: the weave bridge switches it (br_netfilter…)` */
  readonly bridgeSwitches: { readonly target: string; readonly bridge: string };
  /** `the destination was rewritten to 10.36.0.1, reachable through the same weave bridge…` */
  readonly bridgedDnat: { readonly dst: string; readonly bridge: string };
  /** `node1 routes 10.44.0.1 dev weave` (`route` as `ip route` prints it) */
  readonly nodeRoutes: { readonly node: string; readonly dst: string; readonly route: string };
  /** `192.168.56.11 is one of node1's own addresses: local delivery (INPUT)` */
  readonly localDelivery: { readonly dst: string; readonly node: string };
  /** `delivered to a process on node1 listening on 192.168.56.11:40665` */
  readonly deliverProcess: { readonly node: string; readonly dst: string; readonly port: number };
  /** `node1 has no route to 10.0.0.1` */
  readonly nodeNoRoute: { readonly node: string; readonly dst: string };
  /** `but nobody on node1's weave answers ARP for 10.40.0.9: EHOSTUNREACH` */
  readonly bridgeNoArp: { readonly node: string; readonly bridge: string; readonly dst: string };
  /** `docker0 will not send the frame back out vethd4780d9, the port it came in on: …` */
  readonly noHairpin: { readonly bridge: string; readonly port: string };
  /** `weave's forwarding table: 10.36.0.1 is behind vethwepl…` (null port: the bridge itself) */
  readonly fdb: { readonly bridge: string; readonly dst: string; readonly port: string | null };
  /** `out of vethwepl… into the pod's eth0` */
  readonly vethIntoPod: { readonly port: string };
  /** `delivered to the pod default/web-1 on 10.36.0.1:80` */
  readonly deliverPod: { readonly pod: PodName; readonly dst: string; readonly port: number };
  /** `route via 192.168.56.1 dev eth0, source 192.168.56.11` */
  readonly hostRoute: { readonly route: string; readonly src: string | null };
  /** `the destination changed: re-routed dev weave` */
  readonly reroute: { readonly route: string };

  // Between nodes.
  /** `vethwe-bridge → Weave's datapath: the frame is wrapped in VXLAN (VNI …) inside UDP …` */
  readonly encap: {
    readonly vni: number;
    readonly src: string;
    readonly dst: string;
    readonly port: number;
  };
  /** `over the LAN from node1 (192.168.56.11) to node2 (192.168.56.12) on UDP 6784` */
  readonly wireOverlay: {
    readonly from: string;
    readonly src: string;
    readonly to: string;
    readonly dst: string;
    readonly port: number;
  };
  /** `node2's vxlan-6784 port unwraps it; the datapath hands the frame to …` */
  readonly decap: { readonly node: string };
  /** The overlay layer's own sentence for why there is no path (`reason`), quoted. */
  readonly noOverlay: { readonly from: string; readonly to: string; readonly reason: string };
  /** `over the LAN from node1 to node2 (192.168.56.12)` */
  readonly wireLan: { readonly from: string; readonly to: string; readonly ip: string };
  /** `out of node1's eth0 to 192.168.56.1: the packet leaves the cluster` */
  readonly leavesCluster: { readonly node: string; readonly dev: string; readonly nextHop: string };
  /** `over the LAN to node1's eth0` */
  readonly wireToNode: { readonly node: string; readonly via: string | null };
  /** `10.100.100.100 is not a node address: Service and pod addresses exist only inside…` */
  readonly notNodeAddress: { readonly dst: string };
  readonly nobodyOutside: {
    readonly dst: string;
    readonly range: 'service' | 'pod';
    readonly cidr: string;
  };

  // A netfilter hook.
  /** `nat table not consulted: this connection's NAT was decided by its first packet` */
  readonly natSkipped: NoArgs;
  /** `destination 10.100.100.100:80 → 10.36.0.1:80[ (from the conntrack entry)]` */
  readonly natRewrite: {
    readonly manip: 'dst' | 'src';
    readonly from: string;
    readonly to: string;
    readonly fromConntrack: boolean;
  };
  /** `accepted` */
  readonly accepted: NoArgs;
  /** `dropped by a rule or the chain policy` */
  readonly droppedByRule: NoArgs;
  /** `rejected: the sender gets ICMP icmp-port-unreachable` */
  readonly rejectedIcmp: { readonly with: string };
  /** `MASQUERADE: no IPv4 address on eth1` (null iface: `(none)`) */
  readonly masqueradeNoAddress: { readonly family: 4 | 6; readonly iface: string | null };
  /** `SNAT: no free source port on 192.168.56.11` */
  readonly noFreePort: { readonly target: 'SNAT' | 'MASQUERADE'; readonly addr: string };
  /** The evaluator's error (an unknown module, a chain loop), quoted. */
  readonly evaluationError: { readonly message: string };

  // What a rule did (RuleStep effects) and what its random or stateful matches saw.
  /** `random 0.33333333349: taken (drew 0.2100)` */
  readonly random: { readonly probability: string; readonly taken: boolean; readonly draw: number };
  /** `nth 2/3: not taken` */
  readonly nth: { readonly counter: number; readonly every: number; readonly taken: boolean };
  /** `recent KUBE-SEP-… rcheck 10.44.0.1: hit` */
  readonly recent: {
    readonly name: string;
    readonly command: string;
    readonly address: string;
    readonly matched: boolean;
  };
  /** `jump KUBE-SVC-…` */
  readonly jump: { readonly chain: string };
  /** `goto KUBE-SEP-…` */
  readonly goto: { readonly chain: string };
  /** `RETURN` */
  readonly return: NoArgs;
  /** `ACCEPT` */
  readonly accept: NoArgs;
  /** `DROP` */
  readonly drop: NoArgs;
  /** `REJECT icmp-port-unreachable` */
  readonly reject: { readonly with: string };
  /** `DNAT to 10.36.0.1:80` */
  readonly dnat: { readonly to: string };
  /** `SNAT to 192.168.56.11` */
  readonly snat: { readonly to: string };
  /** `MASQUERADE to 10.44.0.0 on weave` (null: `(no address)`, `(none)`) */
  readonly masquerade: { readonly to: string | null; readonly iface: string | null };
  /** `MARK 0x0 → 0x4000` */
  readonly mark: { readonly from: string; readonly to: string };
  /** `LOG "prefix"` */
  readonly log: { readonly prefix: string };
  /** `NFLOG group 5` */
  readonly nflog: { readonly group: number };
  /** `counted` */
  readonly count: NoArgs;
  /** `no match` */
  readonly noMatch: NoArgs;
  /** `end of chain, back to the caller` */
  readonly chainEnd: NoArgs;
  /** `policy DROP` */
  readonly policy: { readonly policy: 'ACCEPT' | 'DROP' };

  // Why a packet was lost (outcome reasons).
  /** `dropped in FORWARD[ by \`-A …\`]` */
  readonly droppedIn: { readonly hook: string; readonly rule: string | null };
  /** `rejected in INPUT[ by \`-A …\`] (icmp-port-unreachable)` */
  readonly rejectedIn: {
    readonly hook: string;
    readonly rule: string | null;
    readonly with: string;
  };
  /** `conntrack could not confirm the connection: its reply tuple is taken by another one` */
  readonly conntrackClash: NoArgs;
  /** `no route to 10.0.0.1 in pod default/client` */
  readonly podNoRouteIn: { readonly dst: string; readonly pod: PodName };
  /** `nobody on node1's weave has 10.40.0.9` */
  readonly bridgeNobody: { readonly node: string; readonly bridge: string; readonly dst: string };
  /** `nobody has 10.40.0.9` */
  readonly nobodyHas: { readonly dst: string };
  /** `the reply arrives from 10.36.0.1:80, but the client connected to 10.100.100.100:80: …` */
  readonly replyMismatch: { readonly from: string; readonly expected: string };
  /** `no node node9` */
  readonly noNode: { readonly node: string };
  /** `no namespace node1/default/web-1` */
  readonly noNamespace: { readonly id: string };
  /** `nothing sent` */
  readonly nothingSent: NoArgs;
}

export type TraceMessageId = keyof TraceMessageArgs;

/** One part of a sentence: an id and its arguments. */
export type TraceMessage = {
  readonly [K in TraceMessageId]: { readonly id: K; readonly args: TraceMessageArgs[K] };
}[TraceMessageId];

/** A sentence as parts (`; ` between them in English). */
export type TraceText = readonly TraceMessage[];

/** A renderer for every message id: adding an id is a type error until each language has it. */
export type TraceMessageRenderers = {
  readonly [K in TraceMessageId]: (args: TraceMessageArgs[K]) => string;
};

/** A language for trace text: its renderers and how it joins a sentence's parts. */
export interface TraceLanguage {
  readonly messages: TraceMessageRenderers;
  readonly join: (parts: readonly string[]) => string;
}

/** A message part, typed by its id. */
export function msg<K extends TraceMessageId>(id: K, args: TraceMessageArgs[K]): TraceMessage {
  return { id, args } as TraceMessage;
}
