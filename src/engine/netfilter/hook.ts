/**
 * One netfilter hook: its tables in the kernel's priority order (datapath.md §6.1), the nat table
 * consulted only for a connection's first packet (once per direction of NAT), and every later
 * packet translated from the conntrack entry instead (§6.3). The raw table runs before conntrack,
 * so it sees no connection.
 */
import { formatIp } from '../net/ip.ts';
import type { Ip } from '../net/ip.ts';
import type { TableName } from '../iptables/ruleset.ts';
import type { ConntrackTable } from './conntrack.ts';
import type { NatManip } from './conntrack-nat.ts';
import {
  bindDnat,
  bindNone,
  bindSnat,
  chooseSourcePort,
  natPending,
  translatePacket,
} from './conntrack-nat.ts';
import type { CtDir, CtInfo, EvalContext } from './context.ts';
import { NO_CT } from './context.ts';
import type { EvalState } from './eval-state.ts';
import type { Packet } from './packet.ts';
import type { TableResult, Verdict } from './result.ts';
import { ACCEPT, DROP } from './result.ts';
import type { RulesetEvaluator } from './ruleset-evaluator.ts';

export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

/** Tables of each hook in priority order (raw −300, mangle −150, nat −100/100, filter 0). */
export const HOOK_TABLES: Readonly<Record<Hook, readonly TableName[]>> = {
  PREROUTING: ['raw', 'mangle', 'nat'],
  INPUT: ['mangle', 'filter', 'nat'],
  FORWARD: ['mangle', 'filter'],
  OUTPUT: ['raw', 'mangle', 'nat', 'filter'],
  POSTROUTING: ['mangle', 'nat'],
};

/** What the nat slot of a hook rewrites: destinations before routing, sources after. */
const NAT_MANIP: Readonly<Record<Hook, NatManip | null>> = {
  PREROUTING: 'dst',
  OUTPUT: 'dst',
  INPUT: 'src',
  POSTROUTING: 'src',
  FORWARD: null,
};

/** The tables run so far by the current runHook (copied out: one right-sized array per result). */
const TABLE_RUNS: TableRun[] = [];

/** The record of a table not in use (the same for every packet). */
const ABSENT: Readonly<Record<TableName, TableRun>> = {
  raw: { table: 'raw', result: null, skipped: 'absent' },
  mangle: { table: 'mangle', result: null, skipped: 'absent' },
  filter: { table: 'filter', result: null, skipped: 'absent' },
  nat: { table: 'nat', result: null, skipped: 'absent' },
};

/** One table of the hook. */
export interface TableRun {
  /** Table. */
  readonly table: TableName;
  /** Its evaluation, or null when it was not consulted. */
  readonly result: TableResult | null;
  /** Why not: the table is unused, or (nat) the connection's NAT is already decided / untracked. */
  readonly skipped: 'absent' | 'nat-decided' | 'untracked' | null;
}

/** An address:port rewrite done at this hook. */
export interface NatApplied {
  /** `dst` (DNAT, un-SNAT) or `src` (SNAT, un-DNAT). */
  readonly manip: NatManip;
  /** The packet's direction: ORIGINAL (NAT) or REPLY (reverse NAT). */
  readonly dir: CtDir;
  /** True when a nat rule decided it just now; false when conntrack replayed the binding. */
  readonly decided: boolean;
  /** Address and port before. */
  readonly from: { readonly addr: Ip; readonly port: number };
  /** Address and port after. */
  readonly to: { readonly addr: Ip; readonly port: number };
}

/** Why a hook dropped a packet outside any rule (the kernel's NF_DROP from the NAT core). */
export type HookDrop =
  | {
      /** MASQUERADE found no address of the packet's family on the outgoing interface. */
      readonly kind: 'masquerade-no-address';
      readonly family: 4 | 6;
      /** The outgoing interface, null when there is none. */
      readonly iface: string | null;
    }
  | {
      /** SNAT/MASQUERADE found no source port that keeps the connection's tuples unique. */
      readonly kind: 'no-free-port';
      readonly target: 'SNAT' | 'MASQUERADE';
      /** The source address the port was sought on, as text. */
      readonly addr: string;
    };

/** A HookDrop in netfilter's words (`MASQUERADE: no IPv4 address on eth1`). */
export function hookDropText(d: HookDrop): string {
  if (d.kind === 'masquerade-no-address')
    return `MASQUERADE: no IPv${d.family} address on ${d.iface ?? '(none)'}`;
  return `${d.target}: no free source port on ${d.addr}`;
}

export interface HookResult {
  /** Hook run. */
  readonly hook: Hook;
  /** ACCEPT when every table let the packet through. */
  readonly verdict: Verdict;
  /** The packet afterwards (mark, NAT). */
  readonly packet: Packet;
  /** The packet's conntrack attachment afterwards (a new entry carries its bindings). */
  readonly ct: CtInfo;
  /** The tables in order, with their steps. */
  readonly tables: readonly TableRun[];
  /** The NAT rewrite done here, if any. */
  readonly nat: NatApplied | null;
  /** Why the packet died outside a rule (MASQUERADE without address, no free port), else null. */
  readonly reason: HookDrop | null;
}

export interface RunHookOptions {
  /** The conntrack table, for choosing SNAT/MASQUERADE ports that keep tuples unique. */
  readonly conntrack?: ConntrackTable;
}

function endpoint(p: Packet, manip: NatManip): { addr: Ip; port: number } {
  return manip === 'dst' ? { addr: p.dst, port: p.dport } : { addr: p.src, port: p.sport };
}

/**
 * Runs `hook` for one packet. `ctx.ct` is the packet's conntrack state (from `conntrackIn`); the
 * result's `ct` carries any new NAT binding, to be confirmed once the packet survives its path.
 *
 * @example
 * const ct = conntrackIn(table, packet, nowMs);
 * const pre = runHook(fastEvaluator(compiled), 'PREROUTING', packet, { ...ctx, ct }, state);
 * if (pre.verdict.kind === 'ACCEPT') route(pre.packet);
 */
export function runHook(
  evaluator: RulesetEvaluator,
  hook: Hook,
  packet: Packet,
  ctx: EvalContext,
  state: EvalState,
  options: RunHookOptions = {},
): HookResult {
  let p = packet;
  let ct = ctx.ct;
  /** The context the tables see: `ctx` with the current `ct` (rebuilt only when ct changes). */
  let seen = ctx;
  let nat: NatApplied | null = null;
  let nt = 0;
  for (const table of HOOK_TABLES[hook]) {
    const present = evaluator.tablePresent(table);
    if (table !== 'nat') {
      if (!present) {
        TABLE_RUNS[nt++] = ABSENT[table];
        continue;
      }
      if (table !== 'raw' && seen.ct !== ct) seen = { ...ctx, ct };
      const result = evaluator.evaluate(
        table,
        hook,
        p,
        table === 'raw' ? { ...ctx, ct: NO_CT } : seen,
        state,
      );
      TABLE_RUNS[nt++] = { table, result, skipped: null };
      p = result.packet;
      if (result.verdict.kind !== 'ACCEPT')
        return hookResult(hook, result.verdict, p, ct, TABLE_RUNS.slice(0, nt), nat);
      continue;
    }
    const manip = NAT_MANIP[hook] as NatManip;
    const entry = ct.entry;
    if (!entry || ct.state === 'INVALID' || ct.state === 'UNTRACKED') {
      TABLE_RUNS[nt++] = { table, result: null, skipped: 'untracked' };
      continue;
    }
    const first = (ct.state === 'NEW' || ct.state === 'RELATED') && natPending(entry, manip);
    let decided = false;
    if (first && !present) {
      ct = { ...ct, entry: bindNone(entry, manip) };
      TABLE_RUNS[nt++] = ABSENT.nat;
    } else if (first) {
      if (seen.ct !== ct) seen = { ...ctx, ct };
      const result = evaluator.evaluate('nat', hook, p, seen, state);
      TABLE_RUNS[nt++] = { table, result, skipped: null };
      p = result.packet;
      const b = result.nat;
      if (result.verdict.kind === 'ACCEPT') ct = { ...ct, entry: bindNone(entry, manip) };
      else if (result.verdict.kind !== 'NAT' || !b)
        return hookResult(hook, result.verdict, p, ct, TABLE_RUNS.slice(0, nt), nat);
      else if (manip === 'dst' && b.kind === 'DNAT') {
        ct = { ...ct, entry: bindDnat(entry, b.addr, b.port) };
        decided = true;
      } else if (manip === 'src' && b.kind !== 'DNAT') {
        if (!b.addr) {
          const iface = b.kind === 'MASQUERADE' ? b.iface : null;
          const reason: HookDrop = { kind: 'masquerade-no-address', family: p.src.family, iface };
          return hookResult(hook, DROP, p, ct, TABLE_RUNS.slice(0, nt), nat, reason);
        }
        const port = chooseSourcePort(
          options.conntrack ?? null,
          entry,
          b.addr,
          b.ports,
          b.randomPort,
          ctx.rng,
          ctx.nowMs,
        );
        if (port === null) {
          const reason: HookDrop = {
            kind: 'no-free-port',
            target: b.kind,
            addr: formatIp(b.addr),
          };
          return hookResult(hook, DROP, p, ct, TABLE_RUNS.slice(0, nt), nat, reason);
        }
        ct = { ...ct, entry: bindSnat(entry, b.addr, port) };
        decided = true;
      } else {
        const error = {
          message: `${b.kind} is not valid in ${hook}`,
          table,
          chain: hook,
          ruleNumber: null,
          ruleText: '',
        };
        return hookResult(hook, { kind: 'ERROR', error }, p, ct, TABLE_RUNS.slice(0, nt), nat);
      }
    } else {
      TABLE_RUNS[nt++] = { table, result: null, skipped: 'nat-decided' };
    }
    const before = p;
    p = translatePacket(ct, p, manip);
    if (p !== before) {
      nat = { manip, dir: ct.dir, decided, from: endpoint(before, manip), to: endpoint(p, manip) };
    }
  }
  return hookResult(hook, ACCEPT, p, ct, TABLE_RUNS.slice(0, nt), nat);
}

function hookResult(
  hook: Hook,
  verdict: Verdict,
  packet: Packet,
  ct: CtInfo,
  tables: readonly TableRun[],
  nat: NatApplied | null,
  reason: HookDrop | null = null,
): HookResult {
  return { hook, verdict, packet, ct, tables, nat, reason };
}
