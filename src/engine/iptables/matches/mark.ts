/** `-m mark [!] --mark value[/mask]`, printed in hex (`0x4000/0x4000`, mask omitted if all ones). */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { formatHex, parseValueMask } from '../numbers.ts';
import { ok, wordError } from '../result.ts';

/** `0xV` or `0xV/0xM` like the mark match's save (an all-ones mask is left out). */
function formatMarkMask(v: number, mask: number): string {
  return mask === 0xffffffff ? formatHex(v) : `${formatHex(v)}/${formatHex(mask)}`;
}

export const markMatch: Extension = {
  name: 'mark',
  options: [{ name: 'mark', arity: 1, invertible: true, required: true }],
  normalize(options) {
    const o = given(options, 'mark');
    if (!o) return ok([]);
    const vm = parseValueMask(value(o));
    if (!vm) return wordError(o.index + 1, `mark: Bad value for "--mark" option: "${value(o)}"`);
    return ok([option('mark', [formatMarkMask(vm.value, vm.mask)], o.negated)]);
  },
};
