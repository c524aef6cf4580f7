/**
 * `conntrack -L` output (conntrack-tools' default format):
 * `tcp      6 86397 ESTABLISHED src=… dst=… sport=… dport=… src=… dst=… sport=… dport=… [ASSURED] mark=0 use=1`.
 * The protocol name is padded to 8, the timeout is the whole seconds left, UDP/ICMP have no state
 * word, `[UNREPLIED]` follows the first tuple until a reply was seen, `[ASSURED]` the second.
 */
import { formatIp } from '../net/ip.ts';
import type { ConntrackTable } from './conntrack.ts';
import { conntrackEntries } from './conntrack.ts';
import type { ConntrackEntry, Tuple } from './conntrack-entry.ts';
import { IPS_ASSURED, IPS_SEEN_REPLY } from './conntrack-entry.ts';
import { hasPorts } from './packet.ts';

/** conntrack-tools' protocol names. */
const NAMES: Readonly<Record<number, string>> = {
  1: 'icmp',
  6: 'tcp',
  17: 'udp',
  33: 'dccp',
  47: 'gre',
  58: 'icmpv6',
  132: 'sctp',
  136: 'udplite',
};

function formatTuple(t: Tuple): string {
  let out = `src=${formatIp(t.src)} dst=${formatIp(t.dst)} `;
  if (t.proto === 1 || t.proto === 58) {
    out += `type=${t.dport >> 8} code=${t.dport & 0xff} id=${t.sport} `;
  } else if (hasPorts(t.proto)) {
    out += `sport=${t.sport} dport=${t.dport} `;
  }
  return out;
}

/** One `conntrack -L` line for an entry at time `nowMs`. */
export function formatConntrackEntry(entry: ConntrackEntry, nowMs: number): string {
  const proto = entry.original.proto;
  const name = (NAMES[proto] ?? 'unknown').padEnd(8);
  const seconds = Math.max(0, Math.floor((entry.expiresAtMs - nowMs) / 1000));
  let line = `${name} ${proto} ${seconds} `;
  if (entry.tcpState !== null) line += `${entry.tcpState} `;
  line += formatTuple(entry.original);
  if (!(entry.status & IPS_SEEN_REPLY)) line += '[UNREPLIED] ';
  line += formatTuple(entry.reply);
  if (entry.status & IPS_ASSURED) line += '[ASSURED] ';
  return `${line}mark=${entry.mark} use=1`;
}

/** The live entries as `conntrack -L` prints them, one per line, oldest first. */
export function formatConntrackList(table: ConntrackTable, nowMs: number): string {
  const lines: string[] = [];
  for (const entry of conntrackEntries(table)) {
    if (entry.expiresAtMs > nowMs) lines.push(formatConntrackEntry(entry, nowMs));
  }
  return lines.map((l) => `${l}\n`).join('');
}
