/** `-m addrtype`: `--src-type` / `--dst-type` route types, `--limit-iface-in|out`. */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { ok, wordError } from '../result.ts';
import type { ExtensionOption } from '../rule.ts';
import { formatKeywordList, parseKeywordList } from './flag-list.ts';

/** Route types in rtnetlink's order (the order of the bits and of the printed list). */
const TYPES = [
  'UNSPEC',
  'UNICAST',
  'LOCAL',
  'BROADCAST',
  'ANYCAST',
  'MULTICAST',
  'BLACKHOLE',
  'UNREACHABLE',
  'PROHIBIT',
  'THROW',
  'NAT',
  'XRESOLVE',
];

export const addrtypeMatch: Extension = {
  name: 'addrtype',
  options: [
    { name: 'src-type', arity: 1, invertible: true },
    { name: 'dst-type', arity: 1, invertible: true },
    { name: 'limit-iface-in', arity: 0 },
    { name: 'limit-iface-out', arity: 0 },
  ],
  normalize(options, ctx) {
    const out: ExtensionOption[] = [];
    for (const name of ['src-type', 'dst-type']) {
      const o = given(options, name);
      if (!o) continue;
      const parsed = parseKeywordList(value(o), TYPES);
      if ('bad' in parsed) return wordError(o.index + 1, `addrtype: bad type "${parsed.bad}"`);
      out.push(option(name, [formatKeywordList(parsed.set, TYPES)], o.negated));
    }
    if (out.length === 0) {
      return wordError(ctx.index, 'addrtype: you must specify --src-type or --dst-type');
    }
    const limitIn = given(options, 'limit-iface-in');
    const limitOut = given(options, 'limit-iface-out');
    if (limitIn && limitOut) {
      const msg = 'addrtype: "--limit-iface-out" cannot be used together with "--limit-iface-in"';
      return wordError(Math.max(limitIn.index, limitOut.index), msg);
    }
    if (limitIn) out.push(option('limit-iface-in'));
    if (limitOut) out.push(option('limit-iface-out'));
    return ok(out);
  },
};
