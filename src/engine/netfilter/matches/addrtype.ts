/** `-m addrtype [!] --src-type T [!] --dst-type T [--limit-iface-in|--limit-iface-out]`. */
import { matchesAddressType, parseTypeMask } from '../address-types.ts';
import type { MatchEvaluator } from '../match-evaluator.ts';
import { optionOf, unknownOption } from '../match-evaluator.ts';

export const addrtypeEvaluator: MatchEvaluator = {
  name: 'addrtype',
  pure: true,
  compile(call) {
    const bad = unknownOption(call, ['src-type', 'dst-type', 'limit-iface-in', 'limit-iface-out']);
    if (bad) return bad;
    const src = optionOf(call, 'src-type');
    const dst = optionOf(call, 'dst-type');
    const srcMask = src ? parseTypeMask(src.values[0] ?? '') : 0;
    const dstMask = dst ? parseTypeMask(dst.values[0] ?? '') : 0;
    if (srcMask === null || dstMask === null) return 'match "addrtype": bad address type';
    const limitIn = optionOf(call, 'limit-iface-in') !== undefined;
    const limitOut = optionOf(call, 'limit-iface-out') !== undefined;
    return (run) => {
      const { ctx, packet } = run;
      const dev = limitIn ? ctx.inIface : limitOut ? ctx.outIface : null;
      if (src && matchesAddressType(packet.src, srcMask, ctx.addresses, dev) === src.negated) {
        return false;
      }
      if (dst && matchesAddressType(packet.dst, dstMask, ctx.addresses, dev) === dst.negated) {
        return false;
      }
      return true;
    };
  },
};
