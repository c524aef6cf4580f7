/** `-m udp`: `--sport` / `--dport`. */
import type { MatchEvaluator } from '../match-evaluator.ts';
import { unknownOption } from '../match-evaluator.ts';
import { compilePortTest } from './port-test.ts';

export const udpEvaluator: MatchEvaluator = {
  name: 'udp',
  pure: true,
  compile(call) {
    const bad = unknownOption(call, ['sport', 'dport']);
    if (bad) return bad;
    return compilePortTest(call);
  },
};
