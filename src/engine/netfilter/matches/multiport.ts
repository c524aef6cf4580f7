/** `-m multiport [!] --sports|--dports|--ports LIST` (ports and `lo:hi` ranges; `--ports` = either side). */
import type { MatchEvaluator } from '../match-evaluator.ts';
import { parseStoredPorts, unknownOption } from '../match-evaluator.ts';

export const multiportEvaluator: MatchEvaluator = {
  name: 'multiport',
  pure: true,
  compile(call) {
    const bad = unknownOption(call, ['sports', 'dports', 'ports']);
    if (bad) return bad;
    const option = call.options[0];
    if (!option) return 'match "multiport": no ports';
    const ranges: (readonly [number, number])[] = [];
    for (const part of (option.values[0] ?? '').split(',')) {
      const r = parseStoredPorts(part);
      if (!r) return `match "multiport": bad port "${part}"`;
      ranges.push(r);
    }
    const useSrc = option.name !== 'dports';
    const useDst = option.name !== 'sports';
    const negated = option.negated;
    return (run) => {
      const p = run.packet;
      if (p.fragment) return false;
      for (const [lo, hi] of ranges) {
        if (
          (useSrc && p.sport >= lo && p.sport <= hi) ||
          (useDst && p.dport >= lo && p.dport <= hi)
        ) {
          return !negated;
        }
      }
      return negated;
    };
  },
};
