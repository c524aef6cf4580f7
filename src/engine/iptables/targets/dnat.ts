/** `-j DNAT --to-destination RANGE [--random] [--persistent]` (nat table). */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { PROTO_DCCP, PROTO_ICMP, PROTO_SCTP, PROTO_TCP, PROTO_UDP } from '../protocols.ts';
import { ok, wordError } from '../result.ts';
import type { ExtensionOption, ProtocolMatch } from '../rule.ts';
import { formatNatRange, parseNatRange } from './nat-range.ts';

const PORT_PROTOCOLS = [PROTO_TCP, PROTO_UDP, PROTO_SCTP, PROTO_DCCP, PROTO_ICMP];

/** Whether the rule's `-p` lets a NAT target map ports. */
export function natPortsAllowed(p: ProtocolMatch | undefined): boolean {
  return p !== undefined && !p.negated && PORT_PROTOCOLS.includes(p.number);
}

export const dnatTarget: Extension = {
  name: 'DNAT',
  distinct: true,
  options: [
    { name: 'to-destination', arity: 1, required: true },
    { name: 'random', arity: 0 },
    { name: 'persistent', arity: 0 },
  ],
  normalize(options, ctx) {
    const out: ExtensionOption[] = [];
    const to = given(options, 'to-destination');
    if (to) {
      const range = parseNatRange(value(to), ctx.family, natPortsAllowed(ctx.protocol));
      if (typeof range === 'string') return wordError(to.index + 1, range);
      out.push(option('to-destination', [formatNatRange(range)]));
    }
    if (given(options, 'random')) out.push(option('random'));
    if (given(options, 'persistent')) out.push(option('persistent'));
    return ok(out);
  },
};
