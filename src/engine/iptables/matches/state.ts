/** `-m state [!] --state LIST` (the conntrack states without SNAT/DNAT). */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { ok, wordError } from '../result.ts';
import { formatKeywordList, parseKeywordList } from './flag-list.ts';

const PARSE = ['INVALID', 'NEW', 'ESTABLISHED', 'RELATED', 'UNTRACKED'];
const PRINT = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED'];

export const stateMatch: Extension = {
  name: 'state',
  options: [{ name: 'state', arity: 1, invertible: true, required: true }],
  normalize(options) {
    const o = given(options, 'state');
    if (!o) return ok([]);
    const parsed = parseKeywordList(value(o), PARSE);
    if ('bad' in parsed) return wordError(o.index + 1, `Bad state "${value(o)}"`);
    return ok([option('state', [formatKeywordList(parsed.set, PRINT)], o.negated)]);
  },
};
