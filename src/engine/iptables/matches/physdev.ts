/** `-m physdev`: the bridge port a bridged packet came in on / goes out of. */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { ok, wordError } from '../result.ts';
import type { ExtensionOption } from '../rule.ts';

/** The order iptables-save prints them in. */
const PRINT_ORDER = [
  'physdev-is-in',
  'physdev-in',
  'physdev-is-out',
  'physdev-out',
  'physdev-is-bridged',
];

export const physdevMatch: Extension = {
  name: 'physdev',
  options: [
    { name: 'physdev-in', arity: 1, invertible: true },
    { name: 'physdev-out', arity: 1, invertible: true },
    { name: 'physdev-is-in', arity: 0, invertible: true },
    { name: 'physdev-is-out', arity: 0, invertible: true },
    { name: 'physdev-is-bridged', arity: 0, invertible: true },
  ],
  normalize(options, ctx) {
    if (options.length === 0) {
      return wordError(ctx.index, 'PHYSDEV: no physdev option specified');
    }
    const out: ExtensionOption[] = [];
    for (const name of PRINT_ORDER) {
      const o = given(options, name);
      if (!o) continue;
      if (o.values.length && (value(o).length === 0 || value(o).length > 15)) {
        const msg = `interface name \`${value(o)}' must be shorter than IFNAMSIZ (15)`;
        return wordError(o.index + 1, msg);
      }
      out.push(option(name, o.values, o.negated));
    }
    return ok(out);
  },
};
