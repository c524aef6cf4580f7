/** The match and target modules this model understands, by name. */
import type { IpFamily } from '../net/ip.ts';
import type { Extension } from './extension.ts';
import { addrtypeMatch } from './matches/addrtype.ts';
import { commentMatch } from './matches/comment.ts';
import { conntrackMatch } from './matches/conntrack.ts';
import { icmpMatch } from './matches/icmp.ts';
import { iprangeMatch } from './matches/iprange.ts';
import { markMatch } from './matches/mark.ts';
import { multiportMatch } from './matches/multiport.ts';
import { nfacctMatch } from './matches/nfacct.ts';
import { physdevMatch } from './matches/physdev.ts';
import { recentMatch } from './matches/recent.ts';
import { sctpMatch } from './matches/sctp.ts';
import { setMatch } from './matches/set.ts';
import { stateMatch } from './matches/state.ts';
import { statisticMatch } from './matches/statistic.ts';
import { tcpMatch } from './matches/tcp.ts';
import { udpMatch } from './matches/udp.ts';
import { PROTO_ICMP, PROTO_SCTP, PROTO_TCP, PROTO_UDP } from './protocols.ts';
import { dnatTarget } from './targets/dnat.ts';
import { logTarget } from './targets/log.ts';
import { markTarget } from './targets/mark.ts';
import { masqueradeTarget } from './targets/masquerade.ts';
import { nflogTarget } from './targets/nflog.ts';
import { rejectTarget } from './targets/reject.ts';
import { snatTarget } from './targets/snat.ts';

function byName(list: readonly Extension[]): ReadonlyMap<string, Extension> {
  return new Map(list.map((e) => [e.name, e]));
}

/** `-m NAME` modules. */
export const MATCHES = byName([
  addrtypeMatch,
  commentMatch,
  conntrackMatch,
  icmpMatch,
  iprangeMatch,
  markMatch,
  multiportMatch,
  nfacctMatch,
  physdevMatch,
  recentMatch,
  sctpMatch,
  setMatch,
  stateMatch,
  statisticMatch,
  tcpMatch,
  udpMatch,
]);

/** `-j NAME` extension targets. */
export const TARGETS = byName([
  dnatTarget,
  logTarget,
  markTarget,
  masqueradeTarget,
  nflogTarget,
  rejectTarget,
  snatTarget,
]);

/** Targets that only work in the nat table (the kernel refuses them elsewhere). */
export const NAT_ONLY_TARGETS: ReadonlySet<string> = new Set(['DNAT', 'SNAT', 'MASQUERADE']);

/** Built-in verdicts. */
export const VERDICTS: ReadonlySet<string> = new Set(['ACCEPT', 'DROP', 'RETURN']);

/**
 * Real iptables targets this model does not implement: naming one is an error, never a jump to a
 * chain of that name (iptables itself prefers an extension over a chain with the same name).
 */
export const UNSUPPORTED_TARGETS: ReadonlySet<string> = new Set([
  'AUDIT',
  'CHECKSUM',
  'CLASSIFY',
  'CLUSTERIP',
  'CONNMARK',
  'CONNSECMARK',
  'CT',
  'DNPT',
  'DSCP',
  'ECN',
  'HL',
  'HMARK',
  'IDLETIMER',
  'LED',
  'MIRROR',
  'NETMAP',
  'NFQUEUE',
  'NOTRACK',
  'QUEUE',
  'RATEEST',
  'REDIRECT',
  'SAME',
  'SECMARK',
  'SET',
  'SNPT',
  'SYNPROXY',
  'TCPMSS',
  'TCPOPTSTRIP',
  'TEE',
  'TOS',
  'TPROXY',
  'TRACE',
  'TTL',
  'ULOG',
]);

/** The match iptables loads implicitly for `-p PROTO` when an option belongs to no loaded match. */
export function protocolMatch(protocol: number, family: IpFamily): Extension | undefined {
  if (protocol === PROTO_TCP) return tcpMatch;
  if (protocol === PROTO_UDP) return udpMatch;
  if (protocol === PROTO_SCTP) return sctpMatch;
  if (protocol === PROTO_ICMP && family === 4) return icmpMatch;
  return undefined;
}
