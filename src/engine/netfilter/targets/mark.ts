/** `-j MARK --set-xmark value/mask` (every MARK form is stored so): `mark = (mark & ~mask) ^ value`. */
import { parseValueMask } from '../../iptables/numbers.ts';
import { withMark } from '../packet.ts';
import type { TargetEvaluator } from '../target-evaluator.ts';
import { unknownTargetOption } from '../target-evaluator.ts';

export const markTargetEvaluator: TargetEvaluator = {
  name: 'MARK',
  compile(call) {
    const bad = unknownTargetOption(call, ['set-xmark']);
    if (bad) return bad;
    const vm = parseValueMask(call.options[0]?.values[0] ?? '');
    if (!vm) return 'target MARK: bad --set-xmark';
    const { value, mask } = vm;
    return (run) => {
      const from = run.packet.mark;
      const to = ((from & ~mask) ^ value) >>> 0;
      if (to !== from) run.packet = withMark(run.packet, to);
      run.effect = { kind: 'mark', from, to };
      return 'continue';
    };
  },
};
