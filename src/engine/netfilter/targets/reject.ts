/** `-j REJECT --reject-with TYPE`: terminal; the type (ICMP error or TCP reset) is recorded. */
import type { StepEffect } from '../result.ts';
import type { TargetEvaluator } from '../target-evaluator.ts';
import { unknownTargetOption } from '../target-evaluator.ts';

export const rejectEvaluator: TargetEvaluator = {
  name: 'REJECT',
  compile(call, site) {
    const bad = unknownTargetOption(call, ['reject-with']);
    if (bad) return bad;
    const fallback = site.family === 4 ? 'icmp-port-unreachable' : 'icmp6-port-unreachable';
    const effect: StepEffect = {
      kind: 'reject',
      with: call.options[0]?.values[0] ?? fallback,
    };
    return (run) => {
      run.effect = effect;
      return 'reject';
    };
  },
};
