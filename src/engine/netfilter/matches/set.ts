/**
 * `-m set [!] --match-set NAME src|dst`: the address is in the ipset (given in the context as
 * CIDRs). Multi-dimension sets (`src,dst`, hash:ip,port) are not modelled: an error. A set the
 * context does not have is an evaluation error, so the module counts as impure (never skipped).
 */
import { EvaluationFault } from '../errors.ts';
import { cidrHas } from '../cidr-test.ts';
import type { MatchEvaluator } from '../match-evaluator.ts';
import { optionOf, unknownOption } from '../match-evaluator.ts';

export const setEvaluator: MatchEvaluator = {
  name: 'set',
  pure: false,
  compile(call) {
    const bad = unknownOption(call, ['match-set', 'return-nomatch']);
    if (bad) return bad;
    const option = optionOf(call, 'match-set');
    const name = option?.values[0] ?? '';
    const dir = option?.values[1] ?? '';
    if (!option || (dir !== 'src' && dir !== 'dst')) {
      return `match "set": only one-dimension sets (src or dst) are supported, got "${dir}"`;
    }
    const negated = option.negated;
    return (run) => {
      const set = run.ctx.ipsets.get(name);
      if (!set) throw new EvaluationFault(`ipset "${name}" does not exist`);
      const ip = dir === 'src' ? run.packet.src : run.packet.dst;
      let hit = false;
      for (const cidr of set) {
        if (cidrHas(cidr, ip)) {
          hit = true;
          break;
        }
      }
      return hit !== negated;
    };
  },
};
