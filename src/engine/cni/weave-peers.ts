/**
 * Weave router identities: a peer name per node and a 12-bit short id, unique in the cluster,
 * which fastdp puts into every VXLAN VNI. Real routers pick short ids at random and resolve
 * clashes by gossip; podpath derives them from the node name and probes past clashes in node order.
 */
import { shortIdSeed, weavePeerName } from './identifiers.ts';
import type { WeavePeer } from './network-model.ts';

/**
 * The Weave peer of each node, by node name.
 *
 * @example
 * weavePeers(['master', 'node1', 'node2']).get('node2'); // { name: '…', shortId: …, nickname: 'node2' }
 */
export function weavePeers(nodes: readonly string[]): ReadonlyMap<string, WeavePeer> {
  const taken = new Set<number>();
  const peers = new Map<string, WeavePeer>();
  for (const node of nodes) {
    let shortId = shortIdSeed(node);
    while (taken.has(shortId)) shortId = (shortId + 1) & 0xfff;
    taken.add(shortId);
    peers.set(node, { name: weavePeerName(node), shortId, nickname: node });
  }
  return peers;
}
