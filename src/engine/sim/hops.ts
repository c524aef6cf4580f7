/** Building Hop records from the evaluator's results. */
import { formatHex } from '../iptables/numbers.ts';
import { formatIp } from '../net/ip.ts';
import type { HookResult } from '../netfilter/hook.ts';
import type { Packet } from '../netfilter/packet.ts';
import type { MatchNote, Step, StepEffect } from '../netfilter/result.ts';
import type { Protocol } from './request.ts';
import { renderTraceText } from './note-text.ts';
import type { Hop, Outcome, PacketView, RuleStep } from './trace.ts';
import { msg, type TraceMessage, type TraceText } from './trace-messages.ts';

const PROTOCOLS: Readonly<Record<number, Protocol>> = { 6: 'tcp', 17: 'udp', 132: 'sctp' };

/** A hop's note in English and as messages. */
export function noteFields(noteMsg: TraceText): Pick<Hop, 'note' | 'noteMsg'> {
  return { note: renderTraceText(noteMsg), noteMsg };
}

/** An outcome other than delivery, with its reason in English and as messages. */
export function lost(
  kind: 'dropped' | 'rejected' | 'unreachable',
  node: string | null,
  ...reasonMsg: TraceMessage[]
): Outcome {
  return { kind, node, reason: renderTraceText(reasonMsg), reasonMsg };
}

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

function noteMsg(n: MatchNote): TraceMessage {
  if (n.kind === 'random')
    return msg('random', { probability: n.probabilityText, taken: n.taken, draw: n.draw });
  if (n.kind === 'nth') return msg('nth', { counter: n.counter, every: n.every, taken: n.taken });
  return msg('recent', {
    name: n.name,
    command: n.command,
    address: formatIp(n.address),
    matched: n.matched,
  });
}

function effectMsg(e: StepEffect): TraceMessage {
  switch (e.kind) {
    case 'jump':
      return msg('jump', { chain: e.chain });
    case 'goto':
      return msg('goto', { chain: e.chain });
    case 'return':
      return msg('return', {});
    case 'accept':
      return msg('accept', {});
    case 'drop':
      return msg('drop', {});
    case 'reject':
      return msg('reject', { with: e.with });
    case 'dnat':
      return msg('dnat', { to: e.to });
    case 'snat':
      return msg('snat', { to: e.to });
    case 'masquerade':
      return msg('masquerade', { to: e.to, iface: e.iface });
    case 'mark':
      return msg('mark', { from: formatHex(e.from), to: formatHex(e.to) });
    case 'log':
      return msg('log', { prefix: e.prefix });
    case 'nflog':
      return msg('nflog', { group: e.group });
    case 'count':
      return msg('count', {});
    case 'no-match':
      return msg('noMatch', {});
    case 'end':
      return msg('chainEnd', {});
    case 'policy':
      return msg('policy', { policy: e.policy });
  }
}

function ruleStep(s: Step): RuleStep {
  const effect = [...s.notes.map(noteMsg), effectMsg(s.effect)];
  return {
    table: s.table,
    chain: s.chain,
    ruleNumber: s.ruleNumber ?? 0,
    ruleText: s.ruleText,
    effect: renderTraceText(effect),
    effectMsg: effect,
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

/** Why the hook dropped the packet: the NAT core's reason, or a rule or policy. */
export function dropReasonMsg(r: HookResult): TraceMessage {
  const d = r.reason;
  if (d === null) return msg('droppedByRule', {});
  if (d.kind === 'masquerade-no-address')
    return msg('masqueradeNoAddress', { family: d.family, iface: d.iface });
  return msg('noFreePort', { target: d.target, addr: d.addr });
}

/** What a hook hop did, as messages. */
export function hookNoteMsg(r: HookResult): TraceText {
  const parts: TraceMessage[] = [];
  const natRun = r.tables.find((t) => t.table === 'nat');
  if (natRun?.skipped === 'nat-decided') parts.push(msg('natSkipped', {}));
  if (r.nat) {
    parts.push(
      msg('natRewrite', {
        manip: r.nat.manip,
        from: `${formatIp(r.nat.from.addr)}:${r.nat.from.port}`,
        to: `${formatIp(r.nat.to.addr)}:${r.nat.to.port}`,
        fromConntrack: !r.nat.decided,
      }),
    );
  }
  if (r.verdict.kind === 'DROP') parts.push(dropReasonMsg(r));
  if (r.verdict.kind === 'REJECT') parts.push(msg('rejectedIcmp', { with: r.verdict.with }));
  if (r.verdict.kind === 'ERROR')
    parts.push(msg('evaluationError', { message: r.verdict.error.message }));
  return parts.length > 0 ? parts : [msg('accepted', {})];
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
    ...noteFields(hookNoteMsg(r)),
  };
}
