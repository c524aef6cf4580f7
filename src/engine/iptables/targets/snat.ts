/** `-j SNAT --to-source RANGE [--random] [--random-fully] [--persistent]` (nat table). */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { ok, wordError } from '../result.ts';
import type { ExtensionOption } from '../rule.ts';
import { natPortsAllowed } from './dnat.ts';
import { formatNatRange, parseNatRange } from './nat-range.ts';

export const snatTarget: Extension = {
  name: 'SNAT',
  distinct: true,
  options: [
    { name: 'to-source', arity: 1, required: true },
    { name: 'random', arity: 0 },
    { name: 'random-fully', arity: 0 },
    { name: 'persistent', arity: 0 },
  ],
  normalize(options, ctx) {
    const out: ExtensionOption[] = [];
    const to = given(options, 'to-source');
    if (to) {
      const range = parseNatRange(value(to), ctx.family, natPortsAllowed(ctx.protocol));
      if (typeof range === 'string') return wordError(to.index + 1, range);
      if (range.base !== undefined) {
        return wordError(to.index + 1, 'SNAT: shifted port maps are only supported by DNAT');
      }
      out.push(option('to-source', [formatNatRange(range)]));
    }
    for (const flag of ['random', 'random-fully', 'persistent']) {
      if (given(options, flag)) out.push(option(flag));
    }
    return ok(out);
  },
};
