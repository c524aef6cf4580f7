import { describe, expect, test } from 'vitest';
import { formatIp } from '../net/ip.ts';
import { compileRuleset } from './compiled-ruleset.ts';
import { conntrackConfirm, conntrackIn, createConntrackTable } from './conntrack.ts';
import type { EvalContext } from './context.ts';
import { makeContext } from './context.ts';
import { createEvalState } from './eval-state.ts';
import { runHook } from './hook.ts';
import { makePacket } from './packet.ts';
import type { RulesetEvaluator } from './ruleset-evaluator.ts';
import { fastEvaluator, linearEvaluator } from './ruleset-evaluator.ts';
import { rulesetFromSave } from './test-fixtures.ts';

const NAT = `*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A PREROUTING -d 10.96.0.10/32 -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.44.0.2:8080
-A POSTROUTING -o eth1 -j MASQUERADE
COMMIT
`;

function evaluators(): [string, RulesetEvaluator][] {
  const ruleset = rulesetFromSave(NAT);
  const compiled = compileRuleset(ruleset);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return [
    ['linear', linearEvaluator(ruleset)],
    ['fast', fastEvaluator(compiled.value)],
  ];
}

const node = makeContext({ addresses: ['eth0 192.168.56.11/24'] });

/** A TCP packet of one connection to the Service (`tcpFlags`: SYN first, then ACK). */
const toService = (tcpFlags: number) =>
  makePacket({
    src: '10.32.0.5',
    dst: '10.96.0.10',
    proto: 'tcp',
    sport: 40000,
    dport: 80,
    tcpFlags,
  });

/** A DNS query from a pod to the outside world (to be masqueraded). */
const dnsQuery = () =>
  makePacket({ src: '10.32.0.5', dst: '8.8.8.8', proto: 'udp', sport: 5353, dport: 53 });

/** POSTROUTING for a new connection's first packet, with `ctx` as the node. */
function postrouting(evaluator: RulesetEvaluator, ctx: EvalContext) {
  const conntrack = createConntrackTable();
  const p = dnsQuery();
  const ct = conntrackIn(conntrack, p, 0);
  return runHook(evaluator, 'POSTROUTING', p, { ...ctx, ct }, createEvalState(), { conntrack });
}

describe.each(evaluators())('runHook (%s evaluator)', (_name, evaluator) => {
  test('the nat table decides the first packet; conntrack replays it for the next', () => {
    const conntrack = createConntrackTable();
    const state = createEvalState();
    const syn = toService(0x02);
    const ct = conntrackIn(conntrack, syn, 0);
    const first = runHook(evaluator, 'PREROUTING', syn, { ...node, inIface: 'weave', ct }, state);
    expect(first.verdict.kind).toBe('ACCEPT');
    expect(first.nat?.decided).toBe(true);
    expect(formatIp(first.packet.dst)).toBe('10.44.0.2');
    expect(first.packet.dport).toBe(8080);
    expect(conntrackConfirm(conntrack, first.ct)).not.toBeNull();

    const ack = toService(0x10);
    const ct2 = conntrackIn(conntrack, ack, 1);
    const second = runHook(
      evaluator,
      'PREROUTING',
      ack,
      { ...node, inIface: 'weave', ct: ct2 },
      state,
    );
    expect(second.tables.find((t) => t.table === 'nat')?.skipped).toBe('nat-decided');
    expect(second.nat?.decided).toBe(false);
    expect(formatIp(second.packet.dst)).toBe('10.44.0.2');
    expect(second.packet.dport).toBe(8080);
  });

  test('MASQUERADE out of an interface without an address drops the packet, saying why', () => {
    const r = postrouting(evaluator, { ...node, outIface: 'eth1' });
    expect(r.verdict.kind).toBe('DROP');
    expect(r.reason).toEqual({ kind: 'masquerade-no-address', family: 4, iface: 'eth1' });
  });

  test('MASQUERADE out of an interface with an address takes it as the source', () => {
    const r = postrouting(
      evaluator,
      makeContext({ addresses: ['eth1 203.0.113.7/24'], outIface: 'eth1' }),
    );
    expect(r.verdict.kind).toBe('ACCEPT');
    expect(r.reason).toBeNull();
    expect(formatIp(r.packet.src)).toBe('203.0.113.7');
  });
});
