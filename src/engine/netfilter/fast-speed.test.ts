/**
 * First-packet evaluations per second of nat PREROUTING on a node with 10,000 ClusterIP Services
 * (5 endpoints each), for both evaluators: printed, not asserted (machines differ). Packets go to
 * Services in a scattered order, so the fast evaluator's figure includes cache misses over the
 * whole ruleset. Goal: ≥ 100,000/s fast and ≥ 50× the linear evaluator.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { compileRuleset } from './compiled-ruleset.ts';
import { makeContext } from './context.ts';
import { createEvalState } from './eval-state.ts';
import { evaluateTableFast } from './fast.ts';
import { evaluateTableLinear } from './linear.ts';
import type { Packet } from './packet.ts';
import { makePacket } from './packet.ts';
import { seededRandom } from './rng.ts';
import { clusterIpOf, kubeProxyRuleset, syntheticCluster } from './test-fixtures.ts';

const SERVICES = 10_000;

function perSecond(packets: readonly Packet[], evaluate: (p: Packet) => void): number {
  const t0 = performance.now();
  for (const p of packets) evaluate(p);
  return (packets.length / (performance.now() - t0)) * 1000;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
}

describe('evaluation speed (printed, not asserted)', () => {
  it('first packets to 10,000 Services: fast vs linear', () => {
    let t0 = performance.now();
    const ruleset = kubeProxyRuleset(syntheticCluster(SERVICES, 5));
    const buildMs = performance.now() - t0;
    t0 = performance.now();
    const compiled = compileRuleset(ruleset);
    const compileMs = performance.now() - t0;
    if (!compiled.ok) throw new Error(compiled.error.message);
    const packets = Array.from({ length: 20_000 }, (_, i) =>
      makePacket({
        src: '10.44.0.2',
        dst: clusterIpOf((i * 7919) % SERVICES),
        sport: 1024 + (i % 60_000),
        dport: 80,
      }),
    );
    const ctx = makeContext({
      rng: seededRandom(3),
      addresses: ['eth0 192.168.56.11/24', 'lo 127.0.0.1/8'],
    });
    const state = createEvalState();
    const fast = (p: Packet) => {
      const r = evaluateTableFast(compiled.value, 'nat', 'PREROUTING', p, ctx, state);
      if (r.verdict.kind !== 'NAT') throw new Error('no DNAT');
    };
    const linear = (p: Packet) => {
      evaluateTableLinear(ruleset, 'nat', 'PREROUTING', p, ctx, state);
    };
    // The first pass makes every rule's text and counter; the next ones let the JIT and the GC
    // settle (the rate climbs for a few passes) before the measured ones.
    const coldFast = perSecond(packets, fast);
    for (let pass = 0; pass < 8; pass++) perSecond(packets, fast);
    const fastRates = [1, 2, 3, 4, 5].map(() => perSecond(packets, fast));
    const linearPackets = packets.slice(0, 1_000);
    perSecond(linearPackets.slice(0, 300), linear);
    const linearRates = [1, 2, 3].map(() => perSecond(linearPackets, linear));
    const f = median(fastRates);
    const l = median(linearRates);
    console.log(
      [
        `ruleset: ${SERVICES} Services x 5 endpoints, built in ${buildMs.toFixed(0)} ms, compiled in ${compileMs.toFixed(0)} ms`,
        `fast:   ${f.toFixed(0)} first packets/s (median of 5 x 20,000 after warm-up; very first pass ${coldFast.toFixed(0)}/s)`,
        `linear: ${l.toFixed(0)} first packets/s (median of 3 x 1,000)`,
        `fast / linear: ${(f / l).toFixed(0)}x`,
      ].join('\n'),
    );
    expect(f).toBeGreaterThan(0);
  });
});
