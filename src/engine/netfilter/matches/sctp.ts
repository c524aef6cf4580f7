/** `-m sctp`: `--sport` / `--dport` (chunk types are not in the rule model). */
import type { MatchEvaluator } from '../match-evaluator.ts';
import { unknownOption } from '../match-evaluator.ts';
import { compilePortTest } from './port-test.ts';

export const sctpEvaluator: MatchEvaluator = {
  name: 'sctp',
  pure: true,
  compile(call) {
    const bad = unknownOption(call, ['sport', 'dport']);
    if (bad) return bad;
    return compilePortTest(call);
  },
};
