/** `-m state [!] --state LIST` (xt_state: the conntrack state without SNAT/DNAT). */
import type { MatchEvaluator } from '../match-evaluator.ts';
import { optionOf, unknownOption } from '../match-evaluator.ts';
import { parseStateList, stateBits } from './ct-state-bits.ts';

export const stateEvaluator: MatchEvaluator = {
  name: 'state',
  pure: true,
  compile(call) {
    const bad = unknownOption(call, ['state']);
    if (bad) return bad;
    const option = optionOf(call, 'state');
    const mask = parseStateList(option?.values[0] ?? '');
    if (!option || mask === null) return 'match "state": bad --state';
    const negated = option.negated;
    return (run) => ((stateBits(run.ctx.ct, false) & mask) !== 0) !== negated;
  },
};
