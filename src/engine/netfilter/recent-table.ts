/**
 * xt_recent's lists (net/netfilter/xt_recent.c): per name, up to `ip_list_tot` = 100 addresses in
 * least-recently-updated order, each with a ring of the last `ip_pkt_list_tot` = 20 timestamps.
 * A full list evicts its oldest address; `--reap` removes at most the oldest one, if expired.
 */
import type { Ip } from '../net/ip.ts';

/** Addresses per list (module parameter ip_list_tot). */
export const RECENT_LIST_CAPACITY = 100;
/** Timestamps kept per address (module parameter ip_pkt_list_tot). */
export const RECENT_STAMPS = 20;

/** One address in a list (mutable: lives inside EvalState). */
export interface RecentEntry {
  /** The (masked) address. */
  readonly addr: Ip;
  /** TTL of the packet that last set/updated it. */
  ttl: number;
  /** Ring of timestamps (ms). */
  readonly stamps: number[];
  /** Next ring slot. */
  index: number;
  /** Valid slots. */
  nstamps: number;
}

/** One `--name` list: entries keyed by address value, Map order = LRU order (oldest first). */
export interface RecentList {
  /** Entries by address value (IPv4 number, IPv6 bigint). */
  readonly entries: Map<number | bigint, RecentEntry>;
}

export function cloneRecentList(list: RecentList): RecentList {
  const entries = new Map<number | bigint, RecentEntry>();
  for (const [k, e] of list.entries) entries.set(k, { ...e, stamps: [...e.stamps] });
  return { entries };
}

/** recent_entry_lookup: same address, and the TTLs agree unless either is 0. */
export function findRecent(list: RecentList, addr: Ip, ttl: number): RecentEntry | undefined {
  const e = list.entries.get(addr.value);
  if (!e || e.addr.family !== addr.family) return undefined;
  return ttl === 0 || e.ttl === 0 || e.ttl === ttl ? e : undefined;
}

/** recent_entry_init: a new entry stamped now; a full list loses its oldest entry first. */
export function addRecent(list: RecentList, addr: Ip, ttl: number, nowMs: number): RecentEntry {
  if (list.entries.size >= RECENT_LIST_CAPACITY) {
    const oldest = list.entries.keys().next();
    if (!oldest.done) list.entries.delete(oldest.value);
  }
  const e: RecentEntry = { addr, ttl, stamps: [nowMs], index: 1, nstamps: 1 };
  list.entries.set(addr.value, e);
  return e;
}

/** recent_entry_update: stamps now and moves the entry to the young end. */
export function touchRecent(list: RecentList, e: RecentEntry, nowMs: number): void {
  e.index %= RECENT_STAMPS;
  e.stamps[e.index++] = nowMs;
  if (e.index > e.nstamps) e.nstamps = e.index;
  list.entries.delete(e.addr.value);
  list.entries.set(e.addr.value, e);
}

export function removeRecent(list: RecentList, e: RecentEntry): void {
  list.entries.delete(e.addr.value);
}

/**
 * recent_entry_reap: drops the oldest entry if its newest stamp is before `cutoffMs`, unless it
 * is the entry about to be updated.
 */
export function reapRecent(
  list: RecentList,
  cutoffMs: number,
  working: RecentEntry,
  updating: boolean,
): void {
  const first = list.entries.values().next();
  if (first.done) return;
  const e = first.value;
  if (e === working && updating) return;
  if (cutoffMs > (e.stamps[e.index - 1] ?? 0)) list.entries.delete(e.addr.value);
}

/** Hits of `e` at or after `cutoffMs` (all stamps when `cutoffMs` is null) reach `hitcount`. */
export function recentHit(e: RecentEntry, cutoffMs: number | null, hitcount: number): boolean {
  let hits = 0;
  for (let i = 0; i < e.nstamps; i++) {
    if (cutoffMs !== null && cutoffMs > (e.stamps[i] ?? 0)) continue;
    if (hitcount === 0 || ++hits >= hitcount) return true;
  }
  return false;
}
