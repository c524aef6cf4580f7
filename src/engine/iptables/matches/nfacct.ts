/** `-m nfacct --nfacct-name NAME` (iptables 1.8.9 prints two spaces before the name). */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { ok, wordError } from '../result.ts';

export const nfacctMatch: Extension = {
  name: 'nfacct',
  options: [{ name: 'nfacct-name', arity: 1, required: true, quoted: true, doubleSpace: true }],
  normalize(options) {
    const o = given(options, 'nfacct-name');
    if (!o) return ok([]);
    const name = value(o);
    if (name.length === 0 || name.length > 31) {
      return wordError(o.index + 1, `nfacct: Bad value for "--nfacct-name" option: "${name}"`);
    }
    return ok([option('nfacct-name', [name])]);
  },
};
