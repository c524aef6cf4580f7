/**
 * `-j MARK`: every form is stored as "clear the bits of mask, then XOR value" and printed as
 * `--set-xmark 0xV/0xM` (--or-mark M → M/M, --xor-mark M → M/0x0, --and-mark M → 0x0/~M,
 * --set-mark V[/M] → V/(M|V)).
 */
import type { Extension } from '../extension.ts';
import { option, value } from '../extension.ts';
import { formatHex, parseUint, parseValueMask } from '../numbers.ts';
import { ok, wordError } from '../result.ts';

const FORMS = ['set-xmark', 'set-mark', 'and-mark', 'or-mark', 'xor-mark'];

export const markTarget: Extension = {
  name: 'MARK',
  options: FORMS.map((name) => ({ name, arity: 1 as const })),
  normalize(options, ctx) {
    const [o, second] = options;
    if (!o) {
      const msg = 'MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required';
      return wordError(ctx.index, msg);
    }
    if (second) return wordError(second.index, "MARK target: Can't specify --set-mark twice");
    let mark: number;
    let mask: number;
    if (o.name === 'set-xmark' || o.name === 'set-mark') {
      const vm = parseValueMask(value(o));
      if (!vm)
        return wordError(o.index + 1, `MARK: Bad value for "--${o.name}" option: "${value(o)}"`);
      mark = vm.value;
      mask = o.name === 'set-mark' ? (vm.mask | vm.value) >>> 0 : vm.mask;
    } else {
      const bits = parseUint(value(o));
      if (bits === null)
        return wordError(o.index + 1, `MARK: Bad value for "--${o.name}" option: "${value(o)}"`);
      mark = o.name === 'and-mark' ? 0 : bits;
      mask = o.name === 'and-mark' ? ~bits >>> 0 : o.name === 'or-mark' ? bits : 0;
    }
    return ok([option('set-xmark', [`${formatHex(mark)}/${formatHex(mask)}`])]);
  },
};
