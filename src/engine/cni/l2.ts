/**
 * Layer-2 facts: which broadcast segment a device is on, who answers ARP for an address there,
 * and which bridge port an address lives behind. Weave joins every node's `weave` bridge into one
 * flat segment over the overlay (every pod IP is on-link for every pod, datapath.md §4.2); Docker's
 * docker0 is a separate segment on each node, so a 172.17.0.x that lives on another node is never
 * answered (§2.3) and one that also exists locally is answered by the wrong pod (§2.3, variant).
 */
import { cidrContains, parseCidr, parseIpv4 } from '../net/ip.ts';
import type { NeighbourResolution } from '../routing/neighbour.ts';
import { resolveNeighbour } from '../routing/neighbour.ts';
import type { AddressHolder } from './find.ts';
import { addressHolders, findNode } from './find.ts';
import { gatewayMac, lanCidr } from './lan.ts';
import type { ClusterNetwork, NetNamespace, NodeNetwork, PodRef } from './network-model.ts';

/** A broadcast domain. */
export type L2Segment =
  | {
      /** The nodes' LAN (eth0s and the router). */
      readonly kind: 'lan';
      /** Its subnet. */
      readonly cidr: string;
    }
  | {
      /** One node's docker0 with its containers. */
      readonly kind: 'bridge';
      /** The node. */
      readonly node: string;
    }
  | {
      /** Every node's `weave` bridge and pods, joined by the overlay. */
      readonly kind: 'weave';
    }
  | {
      /** Not a broadcast link (loopback, the datapath's own devices). */
      readonly kind: 'none';
    };

/** Who answers ARP for an address on a segment, seen from the asker. */
export interface L2Owner {
  /** The address. */
  readonly ip: string;
  /** A pod's eth0, a node's bridge, a node's eth0, or the LAN router. */
  readonly kind: 'pod' | 'bridge' | 'node' | 'gateway';
  /** Node it is on; null for the LAN router. */
  readonly node: string | null;
  /** Namespace id; null for the LAN router. */
  readonly namespace: string | null;
  /** Its device. */
  readonly dev: string;
  /** The MAC it answers with. */
  readonly mac: string;
  /** The pod, for kind `pod`. */
  readonly pod: PodRef | null;
  /** `local`: the asker's own node; `overlay`: another node over Weave's VXLAN; `lan`: over eth0. */
  readonly path: 'local' | 'overlay' | 'lan';
  /** The bridge port it is behind on the asker's node (a pod veth, `vethwe-bridge`); else null. */
  readonly port: string | null;
}

/** The outcome of resolving an on-link address. */
export interface OnLinkResolution {
  /** Segment the request was broadcast on. */
  readonly segment: L2Segment;
  /** Who answered; null when nobody did. */
  readonly owner: L2Owner | null;
  /** The neighbour entry the asker ends up with. */
  readonly resolution: NeighbourResolution;
  /** Why nobody answered (null when someone did). */
  readonly reason: string | null;
  /** Interfaces with this address the request could not reach (Docker: the same IP on other nodes). */
  readonly elsewhere: readonly AddressHolder[];
}

/** The segment `dev` of namespace `ns` is attached to. */
export function segmentOf(network: ClusterNetwork, ns: NetNamespace, dev: string): L2Segment {
  const node = findNode(network, ns.node);
  if (!node) return { kind: 'none' };
  const bridgeSide = ns.kind === 'pod' ? dev === 'eth0' : dev === node.bridge.name;
  if (bridgeSide) {
    return network.cni === 'weave' ? { kind: 'weave' } : { kind: 'bridge', node: node.node };
  }
  if (ns.kind === 'host' && dev === 'eth0') return { kind: 'lan', cidr: lanCidr(node) };
  return { kind: 'none' };
}

interface Candidate {
  readonly owner: Omit<L2Owner, 'path' | 'port'>;
  /** The pod veth it is behind on its own node; null for the bridge itself or LAN hosts. */
  readonly port: string | null;
}

function bridgeCandidates(node: NodeNetwork): Candidate[] {
  const out: Candidate[] = [
    {
      owner: {
        ip: node.bridge.ip,
        kind: 'bridge',
        node: node.node,
        namespace: node.host.id,
        dev: node.bridge.name,
        mac: node.bridge.mac,
        pod: null,
      },
      port: null,
    },
  ];
  for (const p of node.bridge.ports) {
    if (p.kind !== 'pod' || p.ip === null || p.mac === null) continue;
    out.push({
      owner: {
        ip: p.ip,
        kind: 'pod',
        node: node.node,
        namespace: p.namespace,
        dev: 'eth0',
        mac: p.mac,
        pod: p.pod,
      },
      port: p.dev,
    });
  }
  return out;
}

function lanCandidates(network: ClusterNetwork, cidr: string): Candidate[] {
  const net = parseCidr(cidr);
  const inLan = (ip: string) => {
    const addr = parseIpv4(ip);
    return net !== null && addr !== null && cidrContains(net, addr);
  };
  const out: Candidate[] = [];
  const gateways = new Set<string>();
  for (const n of network.nodes) {
    if (inLan(n.internalIP)) {
      out.push({
        owner: {
          ip: n.internalIP,
          kind: 'node',
          node: n.node,
          namespace: n.host.id,
          dev: 'eth0',
          mac: n.mac,
          pod: null,
        },
        port: null,
      });
    }
    if (inLan(n.gateway)) gateways.add(n.gateway);
  }
  for (const g of gateways) {
    out.push({
      owner: {
        ip: g,
        kind: 'gateway',
        node: null,
        namespace: null,
        dev: 'eth0',
        mac: gatewayMac(g),
        pod: null,
      },
      port: null,
    });
  }
  return out;
}

function candidatesOn(network: ClusterNetwork, segment: L2Segment): Candidate[] {
  switch (segment.kind) {
    case 'weave':
      return network.nodes.flatMap(bridgeCandidates);
    case 'bridge': {
      const node = findNode(network, segment.node);
      return node ? bridgeCandidates(node) : [];
    }
    case 'lan':
      return lanCandidates(network, segment.cidr);
    case 'none':
      return [];
  }
}

function asSeenFrom(c: Candidate, node: string, segment: L2Segment): L2Owner {
  if (segment.kind === 'lan') return { ...c.owner, path: 'lan', port: null };
  if (c.owner.node === node) return { ...c.owner, path: 'local', port: c.port };
  return { ...c.owner, path: 'overlay', port: 'vethwe-bridge' };
}

/** Who answers ARP for `ip` on `segment`, asked from `node` (same-node owners first). */
export function arpOwner(
  network: ClusterNetwork,
  segment: L2Segment,
  node: string,
  ip: string,
  exclude: { namespace: string; dev: string } | null,
): L2Owner | null {
  const matches = candidatesOn(network, segment).filter(
    (c) =>
      c.owner.ip === ip &&
      !(exclude && c.owner.namespace === exclude.namespace && c.owner.dev === exclude.dev),
  );
  const best = matches.find((c) => c.owner.node === node) ?? matches[0];
  return best ? asSeenFrom(best, node, segment) : null;
}

function describeHolders(holders: readonly AddressHolder[]): string {
  return holders
    .map((h) =>
      h.pod ? `pod ${h.pod.namespace}/${h.pod.name} on ${h.node}` : `${h.dev} on ${h.node}`,
    )
    .join(', ');
}

function failureReason(
  segment: L2Segment,
  node: string,
  dev: string,
  ip: string,
  elsewhere: readonly AddressHolder[],
): string {
  switch (segment.kind) {
    case 'bridge': {
      const base = `nobody on ${node}'s docker0 has ${ip}`;
      if (elsewhere.length === 0) return base;
      return (
        `${base}: it belongs to ${describeHolders(elsewhere)}, but each node's docker0 is a ` +
        `separate L2 segment and the ARP broadcast never leaves ${node}`
      );
    }
    case 'weave':
      return (
        `no pod or bridge in the Weave network has ${ip}: the ARP request was flooded to every ` +
        `node over the overlay and nobody answered`
      );
    case 'lan':
      return `nobody on the LAN ${segment.cidr} has ${ip}`;
    case 'none':
      return `${dev} on ${node} is not a broadcast link`;
  }
}

function segmentHolds(segment: L2Segment, holder: AddressHolder, network: ClusterNetwork): boolean {
  return candidatesOn(network, segment).some(
    (c) => c.owner.namespace === holder.namespace && c.owner.dev === holder.dev,
  );
}

/**
 * ARPs for on-link address `ip` out of `dev` in `ns`: who answers (and through which bridge port
 * or the overlay), or why nobody does.
 *
 * @example
 * resolveOnLink(dockerNetwork, podOnNode1, 'eth0', '172.17.0.3').reason;
 * // "nobody on node1's docker0 has 172.17.0.3: it belongs to pod … on master, but each node's docker0 …"
 */
export function resolveOnLink(
  network: ClusterNetwork,
  ns: NetNamespace,
  dev: string,
  ip: string,
): OnLinkResolution {
  const segment = segmentOf(network, ns, dev);
  const link = ns.interfaces.find((i) => i.name === dev);
  const request = {
    dev,
    targetIP: ip,
    senderIP: link?.addresses[0]?.address ?? '0.0.0.0',
    senderMac: link?.mac ?? '00:00:00:00:00:00',
  };
  const owner = arpOwner(network, segment, ns.node, ip, { namespace: ns.id, dev });
  const elsewhere = addressHolders(network, ip).filter((h) => !segmentHolds(segment, h, network));
  return {
    segment,
    owner,
    resolution: resolveNeighbour(request, owner?.mac ?? null),
    reason: owner ? null : failureReason(segment, ns.node, dev, ip, elsewhere),
    elsewhere,
  };
}
