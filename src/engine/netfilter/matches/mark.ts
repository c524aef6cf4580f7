/** `-m mark [!] --mark value[/mask]`: `(mark & mask) === value`. */
import { parseValueMask } from '../../iptables/numbers.ts';
import type { MatchEvaluator } from '../match-evaluator.ts';
import { optionOf, unknownOption } from '../match-evaluator.ts';

export const markEvaluator: MatchEvaluator = {
  name: 'mark',
  pure: true,
  compile(call) {
    const bad = unknownOption(call, ['mark']);
    if (bad) return bad;
    const option = optionOf(call, 'mark');
    const vm = parseValueMask(option?.values[0] ?? '');
    if (!option || !vm) return 'match "mark": bad --mark';
    const { value, mask } = vm;
    const negated = option.negated;
    return (run) => ((run.packet.mark & mask) >>> 0 === value) !== negated;
  },
};
