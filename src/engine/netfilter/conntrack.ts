/**
 * The conntrack table on the simulated clock. Entries are immutable values; the table (confirmed
 * entries and a tuple index over both directions) is the kernel's memory and is updated in place
 * by `conntrackIn` (state of a known connection), `conntrackConfirm` and `conntrackExpire`. A new
 * connection's entry stays outside the table (unconfirmed, attached to the packet's CtInfo) until
 * the packet survives its last hook, exactly like the kernel: a packet dropped in FORWARD leaves
 * no entry behind.
 */
import type { ConntrackEntry, TcpCtState, Tuple } from './conntrack-entry.ts';
import {
  IPS_ASSURED,
  IPS_CONFIRMED,
  IPS_SEEN_REPLY,
  invertTuple,
  packetTuple,
} from './conntrack-entry.ts';
import { TupleIndex } from './tuple-index.ts';
import type { ConntrackTimeouts } from './conntrack-timeouts.ts';
import { DEFAULT_TIMEOUTS, UDP_STREAM_AFTER_MS } from './conntrack-timeouts.ts';
import { effectiveTcpFlags, nextTcpState } from './conntrack-tcp.ts';
import type { CtDir, CtInfo } from './context.ts';
import type { Packet } from './packet.ts';

export interface ConntrackTable {
  /**
   * Confirmed entries by id, so in creation order (index 0 unused; undefined once removed). An
   * array, not a Map: a burst of new connections appends, which costs far less than hashing.
   */
  readonly byId: (ConntrackEntry | undefined)[];
  /** Both tuples of every confirmed entry → the entry id, negated for the reply tuple. */
  readonly byTuple: TupleIndex;
  /** Timeouts in use. */
  readonly timeouts: ConntrackTimeouts;
  /** Next id to hand out. */
  nextId: number;
}

export function createConntrackTable(
  timeouts: ConntrackTimeouts = DEFAULT_TIMEOUTS,
): ConntrackTable {
  return { byId: [undefined], byTuple: new TupleIndex(), timeouts, nextId: 1 };
}

/** The confirmed entries, oldest first (expired ones included until something removes them). */
export function conntrackEntries(table: ConntrackTable): ConntrackEntry[] {
  const out: ConntrackEntry[] = [];
  for (const entry of table.byId) if (entry) out.push(entry);
  return out;
}

function drop(table: ConntrackTable, entry: ConntrackEntry): void {
  table.byId[entry.id] = undefined;
  table.byTuple.delete(entry.original);
  table.byTuple.delete(entry.reply);
}

/** The live entry holding `tuple` and the direction it is, or null (expired entries are removed). */
export function conntrackLookup(
  table: ConntrackTable,
  tuple: Tuple,
  nowMs: number,
): { readonly entry: ConntrackEntry; readonly dir: CtDir } | null {
  const hit = table.byTuple.get(tuple);
  if (hit === undefined) return null;
  const entry = table.byId[hit < 0 ? -hit : hit];
  if (!entry) return null;
  if (entry.expiresAtMs <= nowMs) {
    drop(table, entry);
    return null;
  }
  return { entry, dir: hit < 0 ? 'REPLY' : 'ORIGINAL' };
}

/** Whether some live entry holds `tuple` in either direction (NAT port choice). */
export function conntrackTupleTaken(table: ConntrackTable, tuple: Tuple, nowMs: number): boolean {
  return conntrackLookup(table, tuple, nowMs) !== null;
}

function timeoutOf(
  t: ConntrackTimeouts,
  proto: number,
  tcp: TcpCtState | null,
  status: number,
  stream: boolean,
): number {
  if (tcp !== null) return t.tcp[tcp];
  if (proto === 17 || proto === 136)
    return status & IPS_SEEN_REPLY && stream ? t.udpStream : t.udpUnreplied;
  if (proto === 1 || proto === 58) return t.icmp;
  return t.generic;
}

/** A new, unconfirmed entry for the first packet of a connection. */
export function conntrackCreate(
  packet: Packet,
  nowMs: number,
  timeouts: ConntrackTimeouts = DEFAULT_TIMEOUTS,
): ConntrackEntry {
  return createEntry(packet, packetTuple(packet), nowMs, timeouts);
}

/** conntrackCreate with the packet's tuple already made. */
function createEntry(
  packet: Packet,
  original: Tuple,
  nowMs: number,
  timeouts: ConntrackTimeouts,
): ConntrackEntry {
  const tcpState =
    packet.proto === 6
      ? nextTcpState(null, 'ORIGINAL', effectiveTcpFlags(packet.tcpFlags, null, 'ORIGINAL'))
      : null;
  return {
    id: 0,
    original,
    reply: invertTuple(original),
    status: 0,
    tcpState,
    mark: 0,
    createdAtMs: nowMs,
    expiresAtMs: nowMs + timeoutOf(timeouts, packet.proto, tcpState, 0, false) * 1000,
  };
}

/** The entry after one more packet of its connection (state, SEEN_REPLY, ASSURED, timeout). */
export function conntrackAdvance(
  entry: ConntrackEntry,
  dir: CtDir,
  packet: Packet,
  nowMs: number,
  timeouts: ConntrackTimeouts = DEFAULT_TIMEOUTS,
): ConntrackEntry {
  let status = entry.status;
  if (dir === 'REPLY') status |= IPS_SEEN_REPLY;
  let tcpState = entry.tcpState;
  const stream = nowMs - entry.createdAtMs > UDP_STREAM_AFTER_MS;
  if (tcpState !== null) {
    const next = nextTcpState(tcpState, dir, effectiveTcpFlags(packet.tcpFlags, tcpState, dir));
    if ((tcpState === 'SYN_RECV' || tcpState === 'ESTABLISHED') && next === 'ESTABLISHED')
      status |= IPS_ASSURED;
    tcpState = next;
  } else if (
    (entry.original.proto === 17 || entry.original.proto === 136) &&
    status & IPS_SEEN_REPLY &&
    stream
  ) {
    status |= IPS_ASSURED;
  }
  const expiresAtMs =
    nowMs + timeoutOf(timeouts, entry.original.proto, tcpState, status, stream) * 1000;
  return { ...entry, status, tcpState, expiresAtMs };
}

/**
 * Conntrack's step at PREROUTING/OUTPUT (priority −200): the packet's CtInfo. A known connection
 * is advanced in the table; an unknown one gets a new unconfirmed entry (state NEW).
 */
export function conntrackIn(table: ConntrackTable, packet: Packet, nowMs: number): CtInfo {
  const tuple = packetTuple(packet);
  const hit = conntrackLookup(table, tuple, nowMs);
  if (!hit)
    return {
      state: 'NEW',
      dir: 'ORIGINAL',
      entry: createEntry(packet, tuple, nowMs, table.timeouts),
    };
  const entry = conntrackAdvance(hit.entry, hit.dir, packet, nowMs, table.timeouts);
  table.byId[entry.id] = entry;
  const state = hit.dir === 'REPLY' || entry.status & IPS_SEEN_REPLY ? 'ESTABLISHED' : 'NEW';
  return { state, dir: hit.dir, entry };
}

/**
 * Conntrack's last step (after POSTROUTING or INPUT): a new entry enters the table. Returns the
 * confirmed entry, or null when a tuple is already taken (the kernel drops the packet).
 */
export function conntrackConfirm(table: ConntrackTable, ct: CtInfo): ConntrackEntry | null {
  const entry = ct.entry;
  if (!entry) return null;
  if (entry.status & IPS_CONFIRMED) return table.byId[entry.id] ?? entry;
  const id = table.nextId;
  if (!table.byTuple.addPair(entry.original, id, entry.reply, -id)) return null;
  table.nextId = id + 1;
  const confirmed: ConntrackEntry = { ...entry, id, status: entry.status | IPS_CONFIRMED };
  table.byId[id] = confirmed;
  return confirmed;
}

/** Removes the entries expired at `nowMs`; returns how many. */
export function conntrackExpire(table: ConntrackTable, nowMs: number): number {
  let removed = 0;
  for (const entry of conntrackEntries(table)) {
    if (entry.expiresAtMs <= nowMs) {
      drop(table, entry);
      removed++;
    }
  }
  return removed;
}

/** Removes one connection (`conntrack -D`, kube-proxy clearing stale UDP entries). */
export function conntrackDelete(table: ConntrackTable, entry: ConntrackEntry): void {
  drop(table, entry);
}
