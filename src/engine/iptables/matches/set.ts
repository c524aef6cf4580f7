/** `-m set [!] --match-set NAME src|dst[,…] [--return-nomatch]` (ipset contents are not modelled). */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { ok, wordError } from '../result.ts';
import type { ExtensionOption } from '../rule.ts';

export const setMatch: Extension = {
  name: 'set',
  options: [
    { name: 'match-set', arity: 2, invertible: true, required: true },
    { name: 'return-nomatch', arity: 0 },
  ],
  normalize(options) {
    const o = given(options, 'match-set');
    if (!o) return ok([]);
    const name = value(o, 0);
    if (name.length > 31) {
      return wordError(o.index + 1, `setname \`${name}' too long, max 31 characters.`);
    }
    const dirs = value(o, 1).split(',');
    if (dirs.length > 6) return wordError(o.index + 2, "Can't be more src/dst options than 6.");
    if (dirs.some((d) => d !== 'src' && d !== 'dst')) {
      const msg = "You must specify (the comma separated list of) 'src' or 'dst'.";
      return wordError(o.index + 2, msg);
    }
    const out: ExtensionOption[] = [option('match-set', [name, dirs.join(',')], o.negated)];
    if (given(options, 'return-nomatch')) out.push(option('return-nomatch'));
    return ok(out);
  },
};
