/** `-j MASQUERADE [--to-ports P[-P]] [--random] [--random-fully]` (nat table). */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { parseUint } from '../numbers.ts';
import { ok, wordError } from '../result.ts';
import type { ExtensionOption } from '../rule.ts';
import { natPortsAllowed } from './dnat.ts';

export const masqueradeTarget: Extension = {
  name: 'MASQUERADE',
  options: [
    { name: 'to-ports', arity: 1 },
    { name: 'random', arity: 0 },
    { name: 'random-fully', arity: 0 },
  ],
  normalize(options, ctx) {
    const out: ExtensionOption[] = [];
    const to = given(options, 'to-ports');
    if (to) {
      if (!natPortsAllowed(ctx.protocol)) {
        return wordError(to.index, 'Need TCP, UDP, SCTP or DCCP with port specification');
      }
      const [loText, hiText, extra] = value(to).split('-');
      const lo = parseUint(loText ?? '', 0, 65535);
      const hi = hiText === undefined ? lo : parseUint(hiText, 0, 65535);
      if (lo === null || hi === null || extra !== undefined || hi < lo) {
        return wordError(to.index + 1, `Port \`${value(to)}' not valid`);
      }
      out.push(option('to-ports', [lo === hi ? String(lo) : `${lo}-${hi}`]));
    }
    if (given(options, 'random')) out.push(option('random'));
    if (given(options, 'random-fully')) out.push(option('random-fully'));
    return ok(out);
  },
};
