/** `-m icmp [!] --icmp-type TYPE[/CODE]|NAME|any` (IPv4), printed numerically like iptables-save. */
import type { Extension } from '../extension.ts';
import { given, option, requireProtocol, value } from '../extension.ts';
import { parseUint } from '../numbers.ts';
import { PROTO_ICMP } from '../protocols.ts';
import { err, ok, wordError } from '../result.ts';

/** iptables' ICMP names: name → [type, code] (code undefined = any code). */
const NAMES: Readonly<Record<string, readonly [number, number?]>> = {
  any: [255],
  'echo-reply': [0],
  'destination-unreachable': [3],
  'network-unreachable': [3, 0],
  'host-unreachable': [3, 1],
  'protocol-unreachable': [3, 2],
  'port-unreachable': [3, 3],
  'fragmentation-needed': [3, 4],
  'source-route-failed': [3, 5],
  'network-unknown': [3, 6],
  'host-unknown': [3, 7],
  'network-prohibited': [3, 9],
  'host-prohibited': [3, 10],
  'TOS-network-unreachable': [3, 11],
  'TOS-host-unreachable': [3, 12],
  'communication-prohibited': [3, 13],
  'host-precedence-violation': [3, 14],
  'precedence-cutoff': [3, 15],
  'source-quench': [4],
  redirect: [5],
  'network-redirect': [5, 0],
  'host-redirect': [5, 1],
  'TOS-network-redirect': [5, 2],
  'TOS-host-redirect': [5, 3],
  'echo-request': [8],
  'router-advertisement': [9],
  'router-solicitation': [10],
  'time-exceeded': [11],
  'ttl-zero-during-transit': [11, 0],
  'ttl-zero-during-reassembly': [11, 1],
  'parameter-problem': [12],
  'ip-header-bad': [12, 0],
  'required-option-missing': [12, 1],
  'timestamp-request': [13],
  'timestamp-reply': [14],
  'address-mask-request': [17],
  'address-mask-reply': [18],
};

function parseIcmpType(text: string): string | null {
  const lower = text.toLowerCase();
  const names = Object.keys(NAMES).filter((n) => n.toLowerCase().startsWith(lower));
  const exact = names.find((n) => n.toLowerCase() === lower);
  const hit = exact ?? (names.length === 1 ? names[0] : undefined);
  if (hit) {
    const [type, code] = NAMES[hit] as readonly [number, number?];
    if (type === 255) return 'any';
    return code === undefined ? String(type) : `${type}/${code}`;
  }
  const [typeText, codeText, extra] = text.split('/');
  const type = parseUint(typeText ?? '', 0, 255);
  const code = codeText === undefined ? undefined : parseUint(codeText, 0, 255);
  if (type === null || code === null || extra !== undefined) return null;
  return code === undefined ? String(type) : `${type}/${code}`;
}

export const icmpMatch: Extension = {
  name: 'icmp',
  options: [{ name: 'icmp-type', arity: 1, invertible: true }],
  normalize(options, ctx) {
    if (ctx.family !== 4) return wordError(ctx.index, 'icmp match: IPv4 only (use icmp6)');
    const proto = requireProtocol(ctx, [PROTO_ICMP], 'icmp match');
    if (proto) return err(proto);
    const o = given(options, 'icmp-type');
    if (!o) return ok([option('icmp-type', ['any'])]);
    const printed = parseIcmpType(value(o));
    if (printed === null) return wordError(o.index + 1, `Invalid ICMP type \`${value(o)}'`);
    return ok([option('icmp-type', [printed], o.negated)]);
  },
};
