/** `-j NFLOG`: non-terminating; the netlink group (default 0) and prefix are recorded. */
import type { StepEffect } from '../result.ts';
import type { TargetEvaluator } from '../target-evaluator.ts';
import { unknownTargetOption } from '../target-evaluator.ts';

export const nflogEvaluator: TargetEvaluator = {
  name: 'NFLOG',
  compile(call) {
    const bad = unknownTargetOption(call, [
      'nflog-group',
      'nflog-prefix',
      'nflog-range',
      'nflog-size',
      'nflog-threshold',
    ]);
    if (bad) return bad;
    const find = (name: string) => call.options.find((o) => o.name === name)?.values[0];
    const effect: StepEffect = {
      kind: 'nflog',
      group: Number(find('nflog-group') ?? '0'),
      prefix: find('nflog-prefix') ?? '',
    };
    return (run) => {
      run.effect = effect;
      return 'continue';
    };
  },
};
