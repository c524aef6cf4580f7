/**
 * The English text of trace messages: what the CLI prints, the golden `trace.*.txt` files hold and
 * `Hop.note`, `RuleStep.effect` and an outcome's `reason` carry. The only place these sentences are
 * written, so the text and the structured message cannot drift apart.
 */
import { hookDropText } from '../netfilter/hook.ts';
import type {
  AddressOwner,
  PodName,
  TraceLanguage,
  TraceMessageRenderers,
  TraceText,
} from './trace-messages.ts';

const podOrHost = (pod: PodName) => (pod === null ? 'host' : `pod ${pod}`);

function holdersText(holders: readonly AddressOwner[]): string {
  return holders
    .map((h) => (h.pod ? `pod ${h.pod} on ${h.node}` : `${h.dev} on ${h.node}`))
    .join(', ');
}

const ruleQuote = (rule: string | null) => (rule ? ` by \`${rule}\`` : '');

const EN: TraceMessageRenderers = {
  podSends: (a) => `the ${podOrHost(a.pod)} sends from ${a.dev}`,
  hostSends: (a) => `a process on ${a.node} sends`,
  outsideSends: (a) => `a client outside the cluster (${a.src}) sends`,

  loopback: (a) =>
    `${a.dst} is this pod's own address: the route lookup hits the local table and the packet loops back inside the pod, never leaving it`,
  podNoRoute: (a) => `no route to ${a.dst} in the pod`,
  offLink: (a) => `${a.dst} is off-link: default route via the gateway ${a.via}`,
  onLink: (a) => `${a.dst} is on-link (dev ${a.dev})`,
  arpBridge: (a) => `ARP for ${a.ip}: answered by the node's bridge (${a.dev})`,
  arpPod: (a) => `ARP for ${a.ip}: answered by pod ${a.pod}`,
  arpPodOverlay: (a) =>
    `ARP for ${a.ip}: answered by pod ${a.pod} on ${a.node}, across the overlay`,
  arpDev: (a) => `ARP for ${a.ip}: answered by ${a.dev}`,
  arpNoAnswer: (a) => `ARP for ${a.ip}: no answer`,

  arpNobody: (a) => `nobody answers ARP for ${a.ip}`,
  docker0Nobody: (a) =>
    a.holders.length === 0
      ? `nobody on ${a.node}'s docker0 has ${a.ip}`
      : `nobody on ${a.node}'s docker0 has ${a.ip}: it belongs to ${holdersText(a.holders)}, but each node's docker0 is a separate L2 segment and the ARP broadcast never leaves ${a.node}`,
  weaveNobody: (a) =>
    `no pod or bridge in the Weave network has ${a.ip}: the ARP request was flooded to every node over the overlay and nobody answered`,
  lanNobody: (a) => `nobody on the LAN ${a.cidr} has ${a.ip}`,
  notBroadcast: (a) => `${a.dev} on ${a.node} is not a broadcast link`,
  ehostunreach: () => 'the sender gets EHOSTUNREACH (No route to host)',

  veth: (a) =>
    `through the veth pair: the pod's eth0 → ${a.dev} on the node, a port of the ${a.bridge} bridge`,
  bridgeSwitches: (a) =>
    `the frame is addressed to ${a.target}'s MAC: the ${a.bridge} bridge switches it (br_netfilter runs the FORWARD and POSTROUTING hooks on it)`,
  bridgedDnat: (a) =>
    `the destination was rewritten to ${a.dst}, reachable through the same ${a.bridge} bridge: the kernel keeps the packet at layer 2 (bridged DNAT), no TTL decrement`,
  nodeRoutes: (a) => `${a.node} routes ${a.dst} ${a.route}`,
  localDelivery: (a) => `${a.dst} is one of ${a.node}'s own addresses: local delivery (INPUT)`,
  deliverProcess: (a) => `delivered to a process on ${a.node} listening on ${a.dst}:${a.port}`,
  nodeNoRoute: (a) => `${a.node} has no route to ${a.dst}`,
  noHairpin: (a) =>
    `${a.bridge} will not send the frame back out ${a.port}, the port it came in on: hairpin mode is off on that port, so the bridge drops it`,
  bridgeNoArp: (a) =>
    `but nobody on ${a.node}'s ${a.bridge} answers ARP for ${a.dst}: EHOSTUNREACH`,
  fdb: (a) => `${a.bridge}'s forwarding table: ${a.dst} is behind ${a.port ?? 'the bridge itself'}`,
  vethIntoPod: (a) => `out of ${a.port} into the pod's eth0`,
  deliverPod: (a) => `delivered to the ${podOrHost(a.pod)} on ${a.dst}:${a.port}`,
  hostRoute: (a) => `route ${a.route}, source ${a.src ?? '?'}`,
  reroute: (a) => `the destination changed: re-routed ${a.route}`,

  encap: (a) =>
    `vethwe-bridge → Weave's datapath: the frame is wrapped in VXLAN (VNI ${a.vni}) inside UDP ${a.src} → ${a.dst}:${a.port}, 50 bytes more; the inner packet is untouched`,
  wireOverlay: (a) =>
    `over the LAN from ${a.from} (${a.src}) to ${a.to} (${a.dst}) on UDP ${a.port}`,
  decap: (a) =>
    `${a.node}'s vxlan-6784 port unwraps it; the datapath hands the frame to vethwe-datapath → vethwe-bridge → the weave bridge`,
  noOverlay: (a) => a.reason,
  wireLan: (a) => `over the LAN from ${a.from} to ${a.to} (${a.ip})`,
  leavesCluster: (a) =>
    `out of ${a.node}'s ${a.dev} to ${a.nextHop}: the packet leaves the cluster`,
  wireToNode: (a) =>
    a.via === null
      ? `over the LAN to ${a.node}'s eth0`
      : `through the gateway ${a.via} (TTL − 1) and over the LAN to ${a.node}'s eth0`,
  nobodyOutside: (a) =>
    a.range === 'service'
      ? `nothing outside the cluster has ${a.dst}: it is a Service address (service CIDR ${a.cidr}), which exists only in kube-proxy's rules on each node, and no rule translated this packet before it left; no one answers, and the client's connection times out`
      : `nothing outside the cluster has ${a.dst}: it is in the pod network (${a.cidr}) but no pod has it; no one answers, and the client's connection times out`,
  notNodeAddress: (a) =>
    `${a.dst} is not a node address: Service and pod addresses exist only inside the nodes, and no router outside the cluster sends them to a node`,

  natSkipped: () =>
    "nat table not consulted: this connection's NAT was decided by its first packet",
  natRewrite: (a) =>
    `${a.manip === 'dst' ? 'destination' : 'source'} ${a.from} → ${a.to}${a.fromConntrack ? ' (from the conntrack entry)' : ''}`,
  accepted: () => 'accepted',
  droppedByRule: () => 'dropped by a rule or the chain policy',
  rejectedIcmp: (a) => `rejected: the sender gets ICMP ${a.with}`,
  masqueradeNoAddress: (a) => hookDropText({ kind: 'masquerade-no-address', ...a }),
  noFreePort: (a) => hookDropText({ kind: 'no-free-port', ...a }),
  evaluationError: (a) => a.message,

  random: (a) =>
    `random ${a.probability}: ${a.taken ? 'taken' : 'not taken'} (drew ${a.draw.toFixed(4)})`,
  nth: (a) => `nth ${a.counter}/${a.every}: ${a.taken ? 'taken' : 'not taken'}`,
  recent: (a) => `recent ${a.name} ${a.command} ${a.address}: ${a.matched ? 'hit' : 'miss'}`,
  jump: (a) => `jump ${a.chain}`,
  goto: (a) => `goto ${a.chain}`,
  return: () => 'RETURN',
  accept: () => 'ACCEPT',
  drop: () => 'DROP',
  reject: (a) => `REJECT ${a.with}`,
  dnat: (a) => `DNAT to ${a.to}`,
  snat: (a) => `SNAT to ${a.to}`,
  masquerade: (a) => `MASQUERADE to ${a.to ?? '(no address)'} on ${a.iface ?? '(none)'}`,
  mark: (a) => `MARK ${a.from} → ${a.to}`,
  log: (a) => `LOG "${a.prefix}"`,
  nflog: (a) => `NFLOG group ${a.group}`,
  count: () => 'counted',
  noMatch: () => 'no match',
  chainEnd: () => 'end of chain, back to the caller',
  policy: (a) => `policy ${a.policy}`,

  droppedIn: (a) => `dropped in ${a.hook}${ruleQuote(a.rule)}`,
  rejectedIn: (a) => `rejected in ${a.hook}${ruleQuote(a.rule)} (${a.with})`,
  conntrackClash: () =>
    'conntrack could not confirm the connection: its reply tuple is taken by another one',
  podNoRouteIn: (a) => `no route to ${a.dst} in ${podOrHost(a.pod)}`,
  bridgeNobody: (a) => `nobody on ${a.node}'s ${a.bridge} has ${a.dst}`,
  nobodyHas: (a) => `nobody has ${a.dst}`,
  replyMismatch: (a) =>
    `the reply arrives from ${a.from}, but the client connected to ${a.expected}: its socket does not recognise it and the connection resets`,
  noNode: (a) => `no node ${a.node}`,
  noNamespace: (a) => `no namespace ${a.id}`,
  nothingSent: () => 'nothing sent',
};

/** English, the engine's language: parts joined by `; `. */
export const TRACE_TEXT_EN: TraceLanguage = { messages: EN, join: (parts) => parts.join('; ') };

/**
 * A message list as text in `lang` (English by default).
 *
 * @example
 * renderTraceText([msg('accepted', {})]); // 'accepted'
 */
export function renderTraceText(text: TraceText, lang: TraceLanguage = TRACE_TEXT_EN): string {
  // Each part is rendered by its own id's function; the union needs one widening cast.
  const render = lang.messages as Readonly<Record<string, (args: unknown) => string>>;
  return lang.join(text.map((m) => render[m.id]!(m.args)));
}
