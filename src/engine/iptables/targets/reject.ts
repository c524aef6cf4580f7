/** `-j REJECT [--reject-with TYPE]`; iptables-save always prints the type (default port-unreachable). */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { PROTO_TCP } from '../protocols.ts';
import { ok, wordError } from '../result.ts';

/** [name, alias] in iptables' table order; the first name or alias starting with the input wins. */
const V4: readonly (readonly [string, string])[] = [
  ['icmp-net-unreachable', 'net-unreach'],
  ['icmp-host-unreachable', 'host-unreach'],
  ['icmp-proto-unreachable', 'proto-unreach'],
  ['icmp-port-unreachable', 'port-unreach'],
  ['icmp-net-prohibited', 'net-prohib'],
  ['icmp-host-prohibited', 'host-prohib'],
  ['tcp-reset', 'tcp-rst'],
  ['icmp-admin-prohibited', 'admin-prohib'],
];
const V6: readonly (readonly [string, string])[] = [
  ['icmp6-no-route', 'no-route'],
  ['icmp6-adm-prohibited', 'adm-prohibited'],
  ['icmp6-addr-unreachable', 'addr-unreach'],
  ['icmp6-port-unreachable', 'port-unreach'],
  ['tcp-reset', 'tcp-reset'],
  ['icmp6-policy-fail', 'policy-fail'],
  ['icmp6-reject-route', 'reject-route'],
];

export const rejectTarget: Extension = {
  name: 'REJECT',
  options: [{ name: 'reject-with', arity: 1 }],
  normalize(options, ctx) {
    const table = ctx.family === 4 ? V4 : V6;
    const o = given(options, 'reject-with');
    const text = o ? value(o).toLowerCase() : 'port-unreach';
    const hit = table.find(([n, a]) => text !== '' && (n.startsWith(text) || a.startsWith(text)));
    if (!hit) return wordError((o?.index ?? ctx.index) + 1, `unknown reject type "${text}"`);
    const p = ctx.protocol;
    if (hit[0] === 'tcp-reset' && (!p || p.negated || p.number !== PROTO_TCP)) {
      return wordError(o?.index ?? ctx.index, 'REJECT: TCP_RESET invalid for non-tcp');
    }
    return ok([option('reject-with', [hit[0]])]);
  },
};
