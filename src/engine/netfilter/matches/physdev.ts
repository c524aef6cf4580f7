/**
 * `-m physdev` (xt_physdev's physdev_mt, quirks included): without bridge information only negated
 * options can hold; `--physdev-in` is not checked when the packet has no bridge input port;
 * `--physdev-out` fails (even negated) when the packet is not being bridged out.
 */
import type { ExtensionOption } from '../../iptables/rule.ts';
import { interfaceMatches } from '../interface-name.ts';
import type { MatchEvaluator } from '../match-evaluator.ts';
import { optionOf, unknownOption } from '../match-evaluator.ts';

const OPTIONS = [
  'physdev-in',
  'physdev-out',
  'physdev-is-in',
  'physdev-is-out',
  'physdev-is-bridged',
];

export const physdevEvaluator: MatchEvaluator = {
  name: 'physdev',
  pure: true,
  compile(call) {
    const bad = unknownOption(call, OPTIONS);
    if (bad) return bad;
    const inName = optionOf(call, 'physdev-in');
    const outName = optionOf(call, 'physdev-out');
    const isIn = optionOf(call, 'physdev-is-in');
    const isOut = optionOf(call, 'physdev-is-out');
    const bridged = optionOf(call, 'physdev-is-bridged');
    const given: readonly (ExtensionOption | undefined)[] = [bridged, isIn, isOut, inName, outName];
    return (run) => {
      const info = run.ctx.physdev;
      if (!info) return given.every((o) => !o || o.negated);
      const physIn = info.in;
      const physOut = info.out;
      if (bridged && (physOut !== null) === bridged.negated) return false;
      if (isIn && (physIn !== null) === isIn.negated) return false;
      if (isOut && (physOut !== null) === isOut.negated) return false;
      if (inName && physIn !== null) {
        if (interfaceMatches(inName.values[0] ?? '', physIn) === inName.negated) return false;
      }
      if (!outName) return true;
      if (physOut === null) return false;
      return interfaceMatches(outName.values[0] ?? '', physOut) !== outName.negated;
    };
  },
};
