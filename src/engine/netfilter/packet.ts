/**
 * A packet as netfilter sees it at one hook: the header fields the matches read, the skb mark and
 * the length the byte counters add up. Addresses are `Ip` values (IPv4 a uint32 number, IPv6 a
 * bigint), so a rule's `-d 10.96.0.1/32` is one mask-and-compare, not a string parse.
 */
import type { Ip, IpFamily } from '../net/ip.ts';
import { parseIp } from '../net/ip.ts';
import { parseProtocol } from '../iptables/protocols.ts';

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;
export const TCP_URG = 0x20;

export interface Packet {
  /** Source address. */
  readonly src: Ip;
  /** Destination address (same family as `src`). */
  readonly dst: Ip;
  /** IP protocol number (6 tcp, 17 udp, 132 sctp, 1 icmp, 58 ipv6-icmp). */
  readonly proto: number;
  /** Source port (TCP/UDP/SCTP); the echo identifier for ICMP; 0 for other protocols. */
  readonly sport: number;
  /** Destination port (TCP/UDP/SCTP); 0 for other protocols. */
  readonly dport: number;
  /** The skb mark (uint32), what `-m mark` reads and `-j MARK` writes. */
  readonly mark: number;
  /** IP length in bytes, added to the byte counters. */
  readonly length: number;
  /** IP TTL / hop limit (read by `recent --rttl`). */
  readonly ttl: number;
  /** TCP flag bits (FIN 0x01 … URG 0x20); 0 = not modelled (conntrack assumes a normal handshake). */
  readonly tcpFlags: number;
  /** TCP option kinds present in the header (`--tcp-option`); absent = none. */
  readonly tcpOptions?: readonly number[];
  /** ICMP type (ICMP packets only). */
  readonly icmpType?: number;
  /** ICMP code (ICMP packets only). */
  readonly icmpCode?: number;
  /** A second or later IPv4 fragment (what `-f` matches). */
  readonly fragment?: boolean;
}

/** A packet described with text addresses and a protocol name, for tests and scenario glue. */
export interface PacketSpec {
  /** Source address (`10.44.0.2`, `fd00::1`). */
  readonly src: string;
  /** Destination address. */
  readonly dst: string;
  /** `tcp`, `udp`, `icmp`… or a number; default tcp. */
  readonly proto?: string | number;
  /** Source port (ICMP: echo identifier); default 0. */
  readonly sport?: number;
  /** Destination port; default 0. */
  readonly dport?: number;
  /** Mark; default 0. */
  readonly mark?: number;
  /** Length in bytes; default 60. */
  readonly length?: number;
  /** TTL; default 64. */
  readonly ttl?: number;
  /** TCP flags; default 0 (handshake assumed). */
  readonly tcpFlags?: number;
  /** TCP option kinds present. */
  readonly tcpOptions?: readonly number[];
  /** ICMP type (default 8, echo request, for ICMP packets). */
  readonly icmpType?: number;
  /** ICMP code (default 0 for ICMP packets). */
  readonly icmpCode?: number;
  /** Non-first fragment. */
  readonly fragment?: boolean;
}

function address(text: string, what: string): Ip {
  const ip = parseIp(text);
  if (!ip) throw new Error(`makePacket: bad ${what} address "${text}"`);
  return ip;
}

const ICMP_PROTOCOLS: ReadonlySet<number> = new Set([1, 58]);

/** Builds a packet from text; throws on an unreadable address or protocol (a caller's bug). */
export function makePacket(spec: PacketSpec): Packet {
  const src = address(spec.src, 'source');
  const dst = address(spec.dst, 'destination');
  if (src.family !== dst.family) throw new Error('makePacket: mixed address families');
  const proto = typeof spec.proto === 'number' ? spec.proto : parseProtocol(spec.proto ?? 'tcp');
  if (proto === null) throw new Error(`makePacket: unknown protocol "${String(spec.proto)}"`);
  const icmp = ICMP_PROTOCOLS.has(proto);
  const packet: Packet = {
    src,
    dst,
    proto,
    sport: spec.sport ?? 0,
    dport: spec.dport ?? 0,
    mark: (spec.mark ?? 0) >>> 0,
    length: spec.length ?? 60,
    ttl: spec.ttl ?? 64,
    tcpFlags: spec.tcpFlags ?? 0,
    ...(spec.tcpOptions ? { tcpOptions: spec.tcpOptions } : {}),
    ...(icmp ? { icmpType: spec.icmpType ?? (proto === 58 ? 128 : 8) } : {}),
    ...(icmp ? { icmpCode: spec.icmpCode ?? 0 } : {}),
    ...(spec.fragment ? { fragment: true } : {}),
  };
  return packet;
}

/** The address family of a packet. */
export function packetFamily(packet: Packet): IpFamily {
  return packet.src.family;
}

/** The packet with another mark. */
export function withMark(packet: Packet, mark: number): Packet {
  return { ...packet, mark: mark >>> 0 };
}

/** The packet with a new destination (DNAT, un-SNAT). */
export function withDestination(packet: Packet, dst: Ip, dport: number): Packet {
  return { ...packet, dst, dport };
}

/** The packet with a new source (SNAT/MASQUERADE, un-DNAT). */
export function withSource(packet: Packet, src: Ip, sport: number): Packet {
  return { ...packet, src, sport };
}

/** Whether the protocol carries ports in the conntrack tuple and the NAT targets can map them. */
export function hasPorts(proto: number): boolean {
  return proto === 6 || proto === 17 || proto === 132 || proto === 33 || proto === 136;
}
