/** ipsets as data: what `ipset list` holds, and the membership test `-m set --match-set` makes. */
import { cidrContains, parseCidr, parseIpv4 } from '../net/ip.ts';

/** One member. */
export interface IpSetEntry {
  /** An address (`hash:ip`) or a CIDR (`hash:net`). */
  readonly value: string;
  /** The entry's comment (weave-npc: the pod's `namespace/name`); null when none. */
  readonly comment: string | null;
}

export interface IpSet {
  /** Set name. */
  readonly name: string;
  /** Set type. */
  readonly type: 'hash:ip' | 'hash:net';
  /** Members in insertion order. */
  readonly entries: readonly IpSetEntry[];
}

/** Whether `ip` is in `set` (a `hash:net` member covers its whole CIDR). */
export function ipSetHas(set: IpSet, ip: string): boolean {
  const addr = parseIpv4(ip);
  if (!addr) return false;
  return set.entries.some((e) => {
    if (set.type === 'hash:ip') return e.value === ip;
    const net = parseCidr(e.value.includes('/') ? e.value : `${e.value}/32`);
    return net !== null && cidrContains(net, addr);
  });
}
