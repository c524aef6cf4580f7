/**
 * A simplified TCP conntrack state machine (nf_conntrack_proto_tcp's table, reduced to the
 * handshake, FIN/ACK teardown and RST). Packets without flags (tcpFlags 0) are read as the normal
 * handshake: SYN first, SYN+ACK as the first reply, ACK afterwards.
 */
import type { TcpCtState } from './conntrack-entry.ts';
import type { CtDir } from './context.ts';
import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from './packet.ts';

/** The flags a packet carries, inferring the handshake when it carries none. */
export function effectiveTcpFlags(flags: number, state: TcpCtState | null, dir: CtDir): number {
  if (flags !== 0) return flags;
  if (state === null) return TCP_SYN;
  if (state === 'SYN_SENT' && dir === 'REPLY') return TCP_SYN | TCP_ACK;
  return TCP_ACK;
}

/** The state after a packet with `flags` in direction `dir` (state null: a new connection). */
export function nextTcpState(state: TcpCtState | null, dir: CtDir, flags: number): TcpCtState {
  if (flags & TCP_RST) return 'CLOSE';
  const syn = (flags & TCP_SYN) !== 0;
  const ack = (flags & TCP_ACK) !== 0;
  const fin = (flags & TCP_FIN) !== 0;
  switch (state) {
    case null:
      // A SYN opens; anything else is picked up mid-stream (nf_conntrack_tcp_loose).
      return syn && !ack ? 'SYN_SENT' : 'ESTABLISHED';
    case 'SYN_SENT':
      return dir === 'REPLY' && syn && ack ? 'SYN_RECV' : 'SYN_SENT';
    case 'SYN_RECV':
      return dir === 'ORIGINAL' && ack && !syn ? 'ESTABLISHED' : 'SYN_RECV';
    case 'ESTABLISHED':
      return fin ? 'FIN_WAIT' : 'ESTABLISHED';
    case 'FIN_WAIT':
      return fin ? 'LAST_ACK' : ack ? 'CLOSE_WAIT' : 'FIN_WAIT';
    case 'CLOSE_WAIT':
      return fin ? 'LAST_ACK' : 'CLOSE_WAIT';
    case 'LAST_ACK':
      return ack && !fin ? 'TIME_WAIT' : 'LAST_ACK';
    case 'TIME_WAIT':
      return syn && !ack && dir === 'ORIGINAL' ? 'SYN_SENT' : 'TIME_WAIT';
    case 'CLOSE':
      return syn && !ack && dir === 'ORIGINAL' ? 'SYN_SENT' : 'CLOSE';
  }
}
