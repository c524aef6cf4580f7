/** `-j DNAT --to-destination RANGE [--random] [--persistent]` (nat table). */
import { isPlainIpv4 } from '../addresses.ts';
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

/** `a.b.c.d:port` exactly as formatNatRange prints it. */
function isPlainIpv4Port(text: string): boolean {
  const colon = text.indexOf(':');
  if (colon < 0 || !isPlainIpv4(text, 0, colon)) return false;
  const port = text.slice(colon + 1);
  if (!/^(0|[1-9][0-9]{0,4})$/.test(port)) return false;
  return Number(port) <= 65535;
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
    if (to && dnatTarget.printsAsGiven!('to-destination', value(to), ctx)) {
      out.push(option('to-destination', [value(to)]));
    } else if (to) {
      const range = parseNatRange(value(to), ctx.family, natPortsAllowed(ctx.protocol));
      if (typeof range === 'string') return wordError(to.index + 1, range);
      out.push(option('to-destination', [formatNatRange(range)]));
    }
    if (given(options, 'random')) out.push(option('random'));
    if (given(options, 'persistent')) out.push(option('persistent'));
    return ok(out);
  },
  printsAsGiven(name, text, ctx) {
    // What kube-proxy writes for every IPv4 endpoint: parsing and printing it gives it back.
    return (
      name === 'to-destination' &&
      ctx.family === 4 &&
      isPlainIpv4Port(text) &&
      natPortsAllowed(ctx.protocol)
    );
  },
};
