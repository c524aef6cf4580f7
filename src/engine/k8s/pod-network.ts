/**
 * Pod addresses per node, for the three ways a lab node gets them: Weave IPAM (one ring over
 * the cluster), docker0 (172.17.0.0/16 on every node, independently), or the node's spec.podCIDR.
 */
import {
  addToIp,
  cidrSize,
  formatCidr,
  formatIp,
  parseCidr,
  parseIp,
  type Cidr,
} from '../net/ip.ts';
import type { ClusterNode } from './cluster-model.ts';
import { WeaveIpam } from './ipam-weave.ts';

/** The bridge and pod ranges of one node. */
export interface NodeNetwork {
  readonly bridge: ClusterNode['bridge'];
  readonly podRanges: readonly string[];
}

export const DOCKER0_CIDR = '172.17.0.0/16';

type NodeMode =
  | { readonly kind: 'weave' }
  | { readonly kind: 'docker' }
  | { readonly kind: 'podCIDR'; readonly cidr: Cidr };

export class PodNetwork {
  private readonly mode: 'weave' | 'docker';
  private readonly weave: WeaveIpam;
  private readonly weaveRange: Cidr;
  private readonly nodes = new Map<string, { mode: NodeMode; bridgeIp: string | null }>();
  /** Addresses in use (pods and bridges); per node in docker mode, cluster-wide otherwise. */
  private readonly used = new Map<string, Set<number>>();

  constructor(mode: 'weave' | 'docker', weaveRange: Cidr) {
    this.mode = mode;
    this.weaveRange = weaveRange;
    this.weave = new WeaveIpam(weaveRange);
  }

  private usedSet(nodeName: string | null): Set<number> {
    const key = this.mode === 'docker' ? (nodeName ?? '') : '';
    let set = this.used.get(key);
    if (!set) {
      set = new Set();
      this.used.set(key, set);
    }
    return set;
  }

  /** The node comes up: its CNI gets an address range and the bridge its address. */
  join(nodeName: string, podCIDR?: string): void {
    if (this.nodes.has(nodeName)) return;
    const cidr = podCIDR ? parseCidr(podCIDR) : null;
    let mode: NodeMode;
    if (this.mode === 'docker') mode = { kind: 'docker' };
    else if (cidr && cidr.ip.family === 4 && cidr.prefix <= 30) mode = { kind: 'podCIDR', cidr };
    else mode = { kind: 'weave' };
    this.nodes.set(nodeName, { mode, bridgeIp: null });
    if (mode.kind === 'weave') this.weave.join(nodeName);
    const entry = this.nodes.get(nodeName);
    if (!entry) return;
    if (mode.kind === 'weave')
      entry.bridgeIp = this.allocate(nodeName); // `weave expose`
    else if (mode.kind === 'docker') entry.bridgeIp = '172.17.0.1';
    else entry.bridgeIp = formatIp(addToIp(mode.cidr.ip, 1));
    const bridge = entry.bridgeIp ? parseIp(entry.bridgeIp) : null;
    if (bridge?.family === 4) this.usedSet(nodeName).add(bridge.value);
  }

  /** Marks an address as in use (a pod pasted with its IP); false when it already was. */
  reserve(nodeName: string | null, ip: string): boolean {
    const parsed = parseIp(ip);
    if (parsed?.family !== 4) return true;
    const set = this.usedSet(nodeName);
    if (set.has(parsed.value)) return false;
    set.add(parsed.value);
    return true;
  }

  /** Next pod address on the node, or null when its range is exhausted (or it never joined). */
  allocate(nodeName: string): string | null {
    const entry = this.nodes.get(nodeName);
    if (!entry) return null;
    const used = this.usedSet(nodeName);
    let ip: number | null = null;
    if (entry.mode.kind === 'weave') ip = this.weave.allocate(nodeName, (a) => used.has(a));
    else {
      const cidr =
        entry.mode.kind === 'docker' ? (parseCidr(DOCKER0_CIDR) as Cidr) : entry.mode.cidr;
      const first = cidr.ip.family === 4 ? cidr.ip.value : 0;
      const last = first + cidrSize(cidr) - 2;
      for (let a = first + 2; a <= last; a++) {
        if (!used.has(a)) {
          ip = a;
          break;
        }
      }
    }
    if (ip === null) return null;
    used.add(ip);
    return formatIp({ family: 4, value: ip });
  }

  /** The node's bridge and the ranges it gives pods addresses from. */
  describe(nodeName: string): NodeNetwork {
    const entry = this.nodes.get(nodeName);
    const mode = entry?.mode ?? { kind: this.mode };
    if (mode.kind === 'docker')
      return {
        bridge: { name: 'docker0', ip: '172.17.0.1', prefix: 16 },
        podRanges: [DOCKER0_CIDR],
      };
    if (mode.kind === 'podCIDR') {
      return {
        bridge: { name: 'weave', ip: entry?.bridgeIp ?? '', prefix: mode.cidr.prefix },
        podRanges: [formatCidr(mode.cidr)],
      };
    }
    const podRanges = this.weave
      .ownedCidrs(nodeName)
      .map(([net, prefix]) => formatCidr({ ip: { family: 4, value: net }, prefix }));
    return {
      bridge: { name: 'weave', ip: entry?.bridgeIp ?? '', prefix: this.weaveRange.prefix },
      podRanges,
    };
  }
}
