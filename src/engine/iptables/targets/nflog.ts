/** `-j NFLOG`: log to a netlink group (Weave NPC uses `--nflog-group 86`). */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { parseUint } from '../numbers.ts';
import { ok, wordError } from '../result.ts';
import type { ExtensionOption } from '../rule.ts';

export const nflogTarget: Extension = {
  name: 'NFLOG',
  options: [
    { name: 'nflog-group', arity: 1 },
    { name: 'nflog-prefix', arity: 1, quoted: true },
    { name: 'nflog-range', arity: 1 },
    { name: 'nflog-size', arity: 1 },
    { name: 'nflog-threshold', arity: 1 },
  ],
  normalize(options) {
    const out: ExtensionOption[] = [];
    const prefix = given(options, 'nflog-prefix');
    if (prefix) {
      const text = value(prefix);
      if (text.length === 0 || text.length > 63 || text.includes('\n')) {
        return wordError(
          prefix.index + 1,
          `NFLOG: Bad value for "--nflog-prefix" option: "${text}"`,
        );
      }
      out.push(option('nflog-prefix', [text]));
    }
    const numbers: [string, number, number][] = [
      ['nflog-group', 0xffff, 0],
      ['nflog-size', 0xffffffff, -1],
      ['nflog-range', 0xffffffff, 0],
      ['nflog-threshold', 0xffff, 1],
    ];
    const size = given(options, 'nflog-size');
    const range = given(options, 'nflog-range');
    if (size && range) {
      const msg = 'NFLOG: "--nflog-range" cannot be used together with "--nflog-size"';
      return wordError(Math.max(size.index, range.index), msg);
    }
    for (const [name, max, hidden] of numbers) {
      const o = given(options, name);
      if (!o) continue;
      const n = parseUint(value(o), 0, max);
      if (n === null)
        return wordError(o.index + 1, `NFLOG: Bad value for "--${name}" option: "${value(o)}"`);
      if (n !== hidden) out.push(option(name, [String(n)]));
    }
    return ok(out);
  },
};
