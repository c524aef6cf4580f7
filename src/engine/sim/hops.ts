/** Building Hop records from the evaluator's results. */
import { formatHex } from '../iptables/numbers.ts';
import { formatIp } from '../net/ip.ts';
import type { HookResult } from '../netfilter/hook.ts';
import type { Packet } from '../netfilter/packet.ts';
import type { MatchNote, Step, StepEffect } from '../netfilter/result.ts';
import type { Protocol } from './request.ts';
import type { Hop, PacketView, RuleStep } from './trace.ts';

const PROTOCOLS: Readonly<Record<number, Protocol>> = { 6: 'tcp', 17: 'udp', 132: 'sctp' };

/** Weave's VXLAN header fields while the packet is inside the tunnel. */
export type Outer = NonNullable<PacketView['outer']>;

export function viewOf(p: Packet, outer?: Outer): PacketView {
  return {
    src: formatIp(p.src),
    sport: p.sport,
    dst: formatIp(p.dst),
    dport: p.dport,
    protocol: PROTOCOLS[p.proto] ?? 'tcp',
    mark: p.mark,
    ttl: p.ttl,
    ...(outer ? { outer } : {}),
  };
}

function noteText(n: MatchNote): string {
  if (n.kind === 'random')
    return `random ${n.probabilityText}: ${n.taken ? 'taken' : 'not taken'} (drew ${n.draw.toFixed(4)})`;
  if (n.kind === 'nth') return `nth ${n.counter}/${n.every}: ${n.taken ? 'taken' : 'not taken'}`;
  return `recent ${n.name} ${n.command} ${formatIp(n.address)}: ${n.matched ? 'hit' : 'miss'}`;
}

function effectText(e: StepEffect): string {
  switch (e.kind) {
    case 'jump':
      return `jump ${e.chain}`;
    case 'goto':
      return `goto ${e.chain}`;
    case 'return':
      return 'RETURN';
    case 'accept':
      return 'ACCEPT';
    case 'drop':
      return 'DROP';
    case 'reject':
      return `REJECT ${e.with}`;
    case 'dnat':
      return `DNAT to ${e.to}`;
    case 'snat':
      return `SNAT to ${e.to}`;
    case 'masquerade':
      return `MASQUERADE to ${e.to ?? '(no address)'} on ${e.iface ?? '(none)'}`;
    case 'mark':
      return `MARK ${formatHex(e.from)} → ${formatHex(e.to)}`;
    case 'log':
      return `LOG "${e.prefix}"`;
    case 'nflog':
      return `NFLOG group ${e.group}`;
    case 'count':
      return 'counted';
    case 'no-match':
      return 'no match';
    case 'end':
      return 'end of chain, back to the caller';
    case 'policy':
      return `policy ${e.policy}`;
  }
}

function ruleStep(s: Step): RuleStep {
  const notes = s.notes.map(noteText);
  return {
    table: s.table,
    chain: s.chain,
    ruleNumber: s.ruleNumber ?? 0,
    ruleText: s.ruleText,
    effect: [...notes, effectText(s.effect)].join('; '),
  };
}

/** The rules that decided, over every table the hook ran (chain ends and plain passes left out). */
export function hookRules(r: HookResult): RuleStep[] {
  const out: RuleStep[] = [];
  for (const t of r.tables) {
    for (const s of t.result?.steps ?? []) {
      if (s.effect.kind === 'end') continue;
      if (
        s.effect.kind === 'policy' &&
        s.effect.policy === 'ACCEPT' &&
        s.ruleNumber === null &&
        t.result?.steps.length === 1
      )
        continue;
      out.push(ruleStep(s));
    }
  }
  return out;
}

/** The decisive verdict word of a hook. */
export function verdictText(r: HookResult): string {
  const v = r.verdict;
  if (v.kind === 'REJECT') return `REJECT (${v.with})`;
  if (v.kind === 'ERROR') return 'ERROR';
  if (r.nat)
    return `${r.nat.decided ? '' : 'conntrack '}${r.nat.manip === 'dst' ? (r.nat.dir === 'ORIGINAL' ? 'DNAT' : 'un-SNAT') : r.nat.dir === 'ORIGINAL' ? 'SNAT' : 'un-DNAT'} ACCEPT`.trim();
  return v.kind;
}

/** A sentence for a hook hop. */
export function hookNote(r: HookResult): string {
  const parts: string[] = [];
  const natRun = r.tables.find((t) => t.table === 'nat');
  if (natRun?.skipped === 'nat-decided')
    parts.push("nat table not consulted: this connection's NAT was decided by its first packet");
  if (r.nat) {
    const from = `${formatIp(r.nat.from.addr)}:${r.nat.from.port}`;
    const to = `${formatIp(r.nat.to.addr)}:${r.nat.to.port}`;
    const what = r.nat.manip === 'dst' ? 'destination' : 'source';
    parts.push(`${what} ${from} → ${to}${r.nat.decided ? '' : ' (from the conntrack entry)'}`);
  }
  if (r.verdict.kind === 'DROP') parts.push(r.reason ?? 'dropped by a rule or the chain policy');
  if (r.verdict.kind === 'REJECT') parts.push(`rejected: the sender gets ICMP ${r.verdict.with}`);
  if (r.verdict.kind === 'ERROR') parts.push(r.verdict.error.message);
  return parts.length > 0 ? parts.join('; ') : 'accepted';
}

export function hookHop(
  node: string,
  iface: string | undefined,
  r: HookResult,
  before: Packet,
  conntrack: string | undefined,
  outer?: Outer,
): Hop {
  const tablesRun = r.tables.filter((t) => t.result !== null).map((t) => t.table);
  return {
    kind: 'netfilter',
    node,
    namespace: 'host',
    ...(iface ? { iface } : {}),
    hook: r.hook,
    table: tablesRun.join(','),
    rules: hookRules(r),
    verdict: verdictText(r),
    before: viewOf(before, outer),
    after: viewOf(r.packet, outer),
    ...(conntrack ? { conntrack } : {}),
    note: hookNote(r),
  };
}
