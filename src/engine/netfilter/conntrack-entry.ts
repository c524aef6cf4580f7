/**
 * A conntrack entry as plain data: the original and reply tuples, the kernel's status bits, the
 * TCP state and the expiry on the simulated clock. NAT bindings live in the reply tuple (DNAT
 * rewrites its source, SNAT/MASQUERADE its destination), exactly as the kernel keeps them.
 */
import type { Ip } from '../net/ip.ts';
import type { Packet } from './packet.ts';
import { hasPorts } from './packet.ts';

/** `IPS_*` status bits (include/uapi/linux/netfilter/nf_conntrack_common.h). */
export const IPS_EXPECTED = 1 << 0;
export const IPS_SEEN_REPLY = 1 << 1;
export const IPS_ASSURED = 1 << 2;
export const IPS_CONFIRMED = 1 << 3;
export const IPS_SRC_NAT = 1 << 4;
export const IPS_DST_NAT = 1 << 5;
export const IPS_SRC_NAT_DONE = 1 << 7;
export const IPS_DST_NAT_DONE = 1 << 8;

/** One direction of a connection. For ICMP `sport` is the echo id and `dport` is type·256+code. */
export interface Tuple {
  /** IP protocol number. */
  readonly proto: number;
  /** Source address. */
  readonly src: Ip;
  /** Destination address. */
  readonly dst: Ip;
  /** Source port (ICMP: identifier). */
  readonly sport: number;
  /** Destination port (ICMP: type << 8 | code). */
  readonly dport: number;
}

/** TCP conntrack states as `conntrack -L` prints them. */
export type TcpCtState =
  | 'SYN_SENT'
  | 'SYN_RECV'
  | 'ESTABLISHED'
  | 'FIN_WAIT'
  | 'CLOSE_WAIT'
  | 'LAST_ACK'
  | 'TIME_WAIT'
  | 'CLOSE';

export interface ConntrackEntry {
  /** Creation order (0 until confirmed); `conntrack -L` lists entries in this order here. */
  readonly id: number;
  /** The tuple of the first packet. */
  readonly original: Tuple;
  /** The tuple replies carry (after NAT: the rewritten addresses/ports). */
  readonly reply: Tuple;
  /** `IPS_*` bits. */
  readonly status: number;
  /** TCP state; null for other protocols. */
  readonly tcpState: TcpCtState | null;
  /** The connection mark (ctmark; CONNMARK is not modelled, so 0). */
  readonly mark: number;
  /** When the entry was created (simulated clock). */
  readonly createdAtMs: number;
  /** When it expires unless refreshed. */
  readonly expiresAtMs: number;
}

/** ICMP request types and the reply type conntrack expects for each (echo, timestamp, info, mask). */
const ICMP_REPLY: ReadonlyMap<number, number> = new Map([
  [8, 0],
  [13, 14],
  [15, 16],
  [17, 18],
  [128, 129],
]);

function isIcmp(proto: number): boolean {
  return proto === 1 || proto === 58;
}

/** The tuple a packet carries. */
export function packetTuple(packet: Packet): Tuple {
  const { proto, src, dst } = packet;
  if (isIcmp(proto)) {
    const dport = ((packet.icmpType ?? 0) << 8) | (packet.icmpCode ?? 0);
    return { proto, src, dst, sport: packet.sport, dport };
  }
  if (!hasPorts(proto)) return { proto, src, dst, sport: 0, dport: 0 };
  return { proto, src, dst, sport: packet.sport, dport: packet.dport };
}

/** The tuple a reply to `t` carries (nf_ct_invert_tuple); ICMP requests expect their reply type. */
export function invertTuple(t: Tuple): Tuple {
  if (isIcmp(t.proto)) {
    const type = t.dport >> 8;
    const reply = ICMP_REPLY.get(type) ?? type;
    return { proto: t.proto, src: t.dst, dst: t.src, sport: t.sport, dport: reply << 8 };
  }
  return { proto: t.proto, src: t.dst, dst: t.src, sport: t.dport, dport: t.sport };
}
