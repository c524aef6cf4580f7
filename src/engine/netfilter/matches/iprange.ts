/** `-m iprange [!] --src-range a-b [!] --dst-range a-b` (inclusive). */
import type { ExtensionOption } from '../../iptables/rule.ts';
import type { Ip } from '../../net/ip.ts';
import { compareIp, parseIp } from '../../net/ip.ts';
import type { MatchEvaluator } from '../match-evaluator.ts';
import { optionOf, unknownOption } from '../match-evaluator.ts';

type RangeTest = ((ip: Ip) => boolean) | null;

function rangeTest(o: ExtensionOption | undefined): RangeTest | string {
  if (!o) return null;
  const [fromText, toText] = (o.values[0] ?? '').split('-');
  const from = parseIp(fromText ?? '');
  const to = parseIp(toText ?? '');
  if (!from || !to) return `match "iprange": bad --${o.name} "${o.values[0] ?? ''}"`;
  return (ip) =>
    (ip.family === from.family && compareIp(ip, from) >= 0 && compareIp(ip, to) <= 0) !== o.negated;
}

export const iprangeEvaluator: MatchEvaluator = {
  name: 'iprange',
  pure: true,
  compile(call) {
    const bad = unknownOption(call, ['src-range', 'dst-range']);
    if (bad) return bad;
    const src = rangeTest(optionOf(call, 'src-range'));
    const dst = rangeTest(optionOf(call, 'dst-range'));
    if (typeof src === 'string') return src;
    if (typeof dst === 'string') return dst;
    return (run) => (!src || src(run.packet.src)) && (!dst || dst(run.packet.dst));
  },
};
