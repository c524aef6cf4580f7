/**
 * Conntrack timeouts in seconds: the kernel's defaults, with TCP ESTABLISHED (24 h) and CLOSE_WAIT
 * (1 h) as kube-proxy tunes them (its conntrack config defaults).
 */
import type { TcpCtState } from './conntrack-entry.ts';

export interface ConntrackTimeouts {
  /** TCP, per state. */
  readonly tcp: Readonly<Record<TcpCtState, number>>;
  /** UDP before a reply was seen (nf_conntrack_udp_timeout). */
  readonly udpUnreplied: number;
  /** UDP once a stream (nf_conntrack_udp_timeout_stream). */
  readonly udpStream: number;
  /** ICMP. */
  readonly icmp: number;
  /** Every other protocol. */
  readonly generic: number;
}

export const DEFAULT_TIMEOUTS: ConntrackTimeouts = {
  tcp: {
    SYN_SENT: 120,
    SYN_RECV: 60,
    ESTABLISHED: 86400,
    FIN_WAIT: 120,
    CLOSE_WAIT: 3600,
    LAST_ACK: 30,
    TIME_WAIT: 120,
    CLOSE: 10,
  },
  udpUnreplied: 30,
  udpStream: 120,
  icmp: 30,
  generic: 600,
};

/** A UDP flow still active this long after creation counts as a stream (kernel ≥ 5.14). */
export const UDP_STREAM_AFTER_MS = 2000;
