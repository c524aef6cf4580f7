/**
 * Neighbour (ARP) resolution of an on-link next hop. The caller knows who, if anyone, owns the
 * address on that link (cni/l2.ts answers it); this module turns the answer into the kernel's
 * outcome: a REACHABLE entry, or FAILED after the broadcast probes, which a socket sees as
 * EHOSTUNREACH (`ping`: "Destination Host Unreachable", `curl`: "No route to host").
 */

/** Broadcast probes before an entry fails (`mcast_solicit`). */
export const ARP_PROBES = 3;
/** Time between probes in ms (`retrans_time_ms`), so a failure takes about 3 s. */
export const ARP_RETRANS_MS = 1000;

/** A who-has broadcast. */
export interface ArpRequest {
  /** Device it is sent on. */
  readonly dev: string;
  /** Address being resolved. */
  readonly targetIP: string;
  /** Sender's address (the packet's source address on that link). */
  readonly senderIP: string;
  /** Sender's MAC. */
  readonly senderMac: string;
}

/** How resolving a next hop ended. */
export type NeighbourResolution =
  | {
      /** Someone answered. */
      readonly state: 'REACHABLE';
      /** The request that was answered. */
      readonly request: ArpRequest;
      /** The owner's MAC (`lladdr`). */
      readonly lladdr: string;
    }
  | {
      /** Nobody answered the probes. */
      readonly state: 'FAILED';
      /** The request that went unanswered. */
      readonly request: ArpRequest;
      /** Probes sent before giving up. */
      readonly probes: number;
      /** Time spent, in ms. */
      readonly elapsedMs: number;
      /** What the socket call returns. */
      readonly errno: 'EHOSTUNREACH';
    };

/**
 * The outcome of ARPing for `request.targetIP` when its owner has MAC `answer` (null: no one).
 *
 * @example
 * resolveNeighbour({ dev: 'eth0', targetIP: '172.17.0.3', senderIP: '172.17.0.2', senderMac: '02:42:ac:11:00:02' }, null);
 * // { state: 'FAILED', probes: 3, elapsedMs: 3000, errno: 'EHOSTUNREACH', … }
 */
export function resolveNeighbour(request: ArpRequest, answer: string | null): NeighbourResolution {
  if (answer !== null) return { state: 'REACHABLE', request, lladdr: answer };
  return {
    state: 'FAILED',
    request,
    probes: ARP_PROBES,
    elapsedMs: ARP_PROBES * ARP_RETRANS_MS,
    errno: 'EHOSTUNREACH',
  };
}

/** The request as tcpdump prints it: `ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28`. */
export function formatArpRequest(request: ArpRequest): string {
  return `ARP, Request who-has ${request.targetIP} tell ${request.senderIP}, length 28`;
}

/** A reply as tcpdump prints it: `ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28`. */
export function formatArpReply(ip: string, mac: string): string {
  return `ARP, Reply ${ip} is-at ${mac}, length 28`;
}

/** The neighbour entry as `ip neigh` shows it afterwards. */
export function formatNeighbour(resolution: NeighbourResolution): string {
  const { dev, targetIP } = resolution.request;
  return resolution.state === 'REACHABLE'
    ? `${targetIP} dev ${dev} lladdr ${resolution.lladdr} REACHABLE`
    : `${targetIP} dev ${dev} FAILED`;
}

/** What `ping` prints for each unanswered echo when the next hop never resolves. */
export function formatHostUnreachable(senderIP: string, icmpSeq = 1): string {
  return `From ${senderIP} icmp_seq=${icmpSeq} Destination Host Unreachable`;
}
