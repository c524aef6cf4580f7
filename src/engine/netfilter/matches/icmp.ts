/** `-m icmp [!] --icmp-type any|T|T/C` (stored numerically). */
import type { MatchEvaluator } from '../match-evaluator.ts';
import { optionOf, unknownOption } from '../match-evaluator.ts';

export const icmpEvaluator: MatchEvaluator = {
  name: 'icmp',
  pure: true,
  compile(call) {
    const bad = unknownOption(call, ['icmp-type']);
    if (bad) return bad;
    const option = optionOf(call, 'icmp-type');
    const text = option?.values[0] ?? 'any';
    const negated = option?.negated ?? false;
    const [typeText, codeText] = text.split('/');
    const any = text === 'any';
    const type = Number(typeText);
    const code = codeText === undefined ? null : Number(codeText);
    if (!any && (!Number.isInteger(type) || (code !== null && !Number.isInteger(code)))) {
      return `match "icmp": bad --icmp-type "${text}"`;
    }
    return (run) => {
      const p = run.packet;
      if (p.fragment) return false;
      const hit = any || (p.icmpType === type && (code === null || p.icmpCode === code));
      return hit !== negated;
    };
  },
};
