/** `-j LOG`: non-terminating; the prefix and syslog level (default 4) are recorded. */
import type { StepEffect } from '../result.ts';
import type { TargetEvaluator } from '../target-evaluator.ts';
import { unknownTargetOption } from '../target-evaluator.ts';

const OPTIONS = [
  'log-level',
  'log-prefix',
  'log-tcp-sequence',
  'log-tcp-options',
  'log-ip-options',
  'log-uid',
  'log-macdecode',
];

export const logEvaluator: TargetEvaluator = {
  name: 'LOG',
  compile(call) {
    const bad = unknownTargetOption(call, OPTIONS);
    if (bad) return bad;
    const find = (name: string) => call.options.find((o) => o.name === name)?.values[0];
    const effect: StepEffect = {
      kind: 'log',
      prefix: find('log-prefix') ?? '',
      level: Number(find('log-level') ?? '4'),
    };
    return (run) => {
      run.effect = effect;
      return 'continue';
    };
  },
};
