import { describe, expect, it } from 'vitest';
import { compileRuleset } from './compiled-ruleset.ts';
import { makeContext } from './context.ts';
import type { EvalState } from './eval-state.ts';
import { createEvalState } from './eval-state.ts';
import { evaluateChainFast } from './fast.ts';
import { evaluateChainLinear } from './linear.ts';
import { makePacket } from './packet.ts';
import { seededRandom } from './rng.ts';
import { clusterIpOf, kubeProxyRuleset, syntheticCluster } from './test-fixtures.ts';

const ruleset = kubeProxyRuleset(syntheticCluster(20, 3));
const packet = (i: number) =>
  makePacket({
    src: `10.44.0.${(i % 200) + 1}`,
    dst: clusterIpOf(i % 20),
    proto: 'tcp',
    sport: 40000 + i,
    dport: 80,
    length: 60 + (i % 7),
  });

/**
 * Packet i goes through nat PREROUTING against state `i % states`, read back (or not) as `read`
 * says: the fast evaluator's pending counts must reach the same states as the linear one's.
 */
function countersOf(
  evaluate: (state: EvalState, i: number) => void,
  states: number,
  read: (i: number) => boolean,
) {
  const all = Array.from({ length: states }, () => createEvalState());
  for (let i = 0; i < 300; i++) {
    evaluate(all[i % states] as EvalState, i);
    if (read(i)) void (all[(i * 7) % states] as EvalState).counters;
  }
  return all.map((s) => s.counters);
}

describe('EvalState counters', () => {
  const compiled = compileRuleset(ruleset);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const linearRng = seededRandom(3);
  const fastRng = seededRandom(3);
  const linear = (state: EvalState, i: number) =>
    evaluateChainLinear(
      ruleset,
      'nat',
      'PREROUTING',
      packet(i),
      makeContext({ inIface: 'weave', rng: linearRng }),
      state,
    );
  const fast = (state: EvalState, i: number) =>
    evaluateChainFast(
      compiled.value,
      'nat',
      'PREROUTING',
      packet(i),
      makeContext({ inIface: 'weave', rng: fastRng }),
      state,
    );

  it('are the same when states take turns on one compiled ruleset, read now and then', () => {
    for (const states of [1, 2, 3]) {
      for (const read of [() => false, (i: number) => i % 11 === 0]) {
        expect(countersOf(fast, states, read)).toEqual(countersOf(linear, states, read));
      }
    }
  });

  it('are the same when the fast evaluator counts into a plain state object', () => {
    const plain: EvalState = { counters: new Map(), recent: new Map(), nth: new Map() };
    const made = createEvalState();
    for (let i = 0; i < 50; i++) {
      fast(plain, i);
      linear(made, i);
    }
    expect(plain.counters).toEqual(made.counters);
  });
});
