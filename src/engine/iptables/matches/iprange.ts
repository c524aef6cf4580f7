/** `-m iprange [!] --src-range a[-b] [!] --dst-range a[-b]`, printed as `a-b`. */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { compareIp, formatIp } from '../../net/ip.ts';
import { parseFamilyIp } from '../addresses.ts';
import { ok, wordError } from '../result.ts';
import type { ExtensionOption } from '../rule.ts';

export const iprangeMatch: Extension = {
  name: 'iprange',
  options: [
    { name: 'src-range', arity: 1, invertible: true },
    { name: 'dst-range', arity: 1, invertible: true },
  ],
  normalize(options, ctx) {
    const out: ExtensionOption[] = [];
    for (const name of ['src-range', 'dst-range']) {
      const o = given(options, name);
      if (!o) continue;
      const [fromText, toText, extra] = value(o).split('-');
      const from = parseFamilyIp(fromText ?? '', ctx.family);
      const to = toText === undefined ? from : parseFamilyIp(toText, ctx.family);
      if (!from || !to || extra !== undefined) {
        return wordError(o.index + 1, `iprange: Bad value for "--${name}" option: "${value(o)}"`);
      }
      if (compareIp(from, to) > 0) {
        return wordError(o.index + 1, `iprange: range "${value(o)}" is reversed`);
      }
      out.push(option(name, [`${formatIp(from)}-${formatIp(to)}`], o.negated));
    }
    if (out.length === 0) {
      return wordError(ctx.index, "iprange match: You must specify `--src-range' or `--dst-range'");
    }
    return ok(out);
  },
};
