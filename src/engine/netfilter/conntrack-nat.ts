/**
 * NAT through conntrack (datapath.md §6.3): a binding rewrites the entry's reply tuple; every
 * packet of the connection is then translated from the two tuples. At the destination slots
 * (PREROUTING, OUTPUT) an original packet is DNATed and a reply un-SNATed; at the source slots
 * (POSTROUTING, INPUT) an original packet is SNATed and a reply un-DNATed.
 */
import type { Ip } from '../net/ip.ts';
import type { ConntrackTable } from './conntrack.ts';
import { conntrackTupleTaken } from './conntrack.ts';
import type { ConntrackEntry } from './conntrack-entry.ts';
import { IPS_DST_NAT, IPS_DST_NAT_DONE, IPS_SRC_NAT, IPS_SRC_NAT_DONE } from './conntrack-entry.ts';
import type { CtInfo } from './context.ts';
import type { Packet } from './packet.ts';
import { hasPorts, withDestination, withSource } from './packet.ts';
import type { PortRange } from './result.ts';

/** Which address a hook's nat slot rewrites. */
export type NatManip = 'dst' | 'src';

/** The entry after a DNAT: replies come from `addr:port` (port null: unchanged). */
export function bindDnat(entry: ConntrackEntry, addr: Ip, port: number | null): ConntrackEntry {
  const reply = { ...entry.reply, src: addr, sport: port ?? entry.reply.sport };
  return { ...entry, reply, status: entry.status | IPS_DST_NAT | IPS_DST_NAT_DONE };
}

/** The entry after an SNAT/MASQUERADE: replies go to `addr:port`. */
export function bindSnat(entry: ConntrackEntry, addr: Ip, port: number): ConntrackEntry {
  const reply = { ...entry.reply, dst: addr, dport: port };
  return { ...entry, reply, status: entry.status | IPS_SRC_NAT | IPS_SRC_NAT_DONE };
}

/** The entry with "nat consulted, no translation" recorded for one manip (a null binding). */
export function bindNone(entry: ConntrackEntry, manip: NatManip): ConntrackEntry {
  return {
    ...entry,
    status: entry.status | (manip === 'dst' ? IPS_DST_NAT_DONE : IPS_SRC_NAT_DONE),
  };
}

/** Whether the nat table still has to decide this manip for the connection. */
export function natPending(entry: ConntrackEntry, manip: NatManip): boolean {
  return (entry.status & (manip === 'dst' ? IPS_DST_NAT_DONE : IPS_SRC_NAT_DONE)) === 0;
}

/**
 * Translates `packet` at a nat slot from its connection's tuples: DNAT/un-SNAT for 'dst',
 * SNAT/un-DNAT for 'src'. Unchanged when the connection has no such NAT.
 */
export function translatePacket(ct: CtInfo, packet: Packet, manip: NatManip): Packet {
  const entry = ct.entry;
  if (!entry) return packet;
  const original = ct.dir === 'ORIGINAL';
  const other = original ? entry.reply : entry.original;
  const ports = hasPorts(packet.proto);
  if (manip === 'dst') {
    if (!(entry.status & (original ? IPS_DST_NAT : IPS_SRC_NAT))) return packet;
    return withDestination(packet, other.src, ports ? other.sport : packet.dport);
  }
  if (!(entry.status & (original ? IPS_SRC_NAT : IPS_DST_NAT))) return packet;
  return withSource(packet, other.dst, ports ? other.dport : packet.sport);
}

/** The range nf_nat picks a source port from when the rule gives none (by the original port). */
function defaultRange(port: number): PortRange {
  if (port < 512) return [1, 511];
  if (port < 1024) return [600, 1023];
  return [1024, 65535];
}

/**
 * The source port for an SNAT/MASQUERADE to `addr`: the original port when the resulting tuple
 * is free (and in range), else the next free one; with a random flag (`--random-fully`) a port
 * drawn from the range, then the next free one. Null when every port is taken (packet dropped).
 */
export function chooseSourcePort(
  table: ConntrackTable | null,
  entry: ConntrackEntry,
  addr: Ip,
  ports: PortRange | null,
  randomPort: boolean,
  rng: () => number,
  nowMs: number,
): number | null {
  const original = entry.original.sport;
  if (!hasPorts(entry.original.proto)) return original;
  const [lo, hi] = ports ?? defaultRange(original);
  const free = (port: number) =>
    table === null ||
    !conntrackTupleTaken(
      table,
      {
        proto: entry.reply.proto,
        src: entry.reply.src,
        sport: entry.reply.sport,
        dst: addr,
        dport: port,
      },
      nowMs,
    );
  const inRange = original >= lo && original <= hi;
  if (!randomPort && inRange && free(original)) return original;
  const size = hi - lo + 1;
  const offset = randomPort ? Math.floor(rng() * size) : inRange ? original - lo + 1 : 0;
  for (let n = 0; n < size; n++) {
    const port = lo + ((offset + n) % size);
    if (free(port)) return port;
  }
  return null;
}
