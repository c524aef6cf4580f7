/** `-m tcp`: ports, TCP flags (`--syn`), `--tcp-option`. */
import type { Extension } from '../extension.ts';
import { given, option, requireProtocol, value } from '../extension.ts';
import { parseUint } from '../numbers.ts';
import { PROTO_TCP } from '../protocols.ts';
import { err, ok, wordError } from '../result.ts';
import { normalizePorts, PORT_OPTIONS } from './tcp-udp.ts';

/** Flag names in the kernel's bit order (FIN = 0x01 … URG = 0x20). */
const FLAGS = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG'] as const;

function parseFlags(text: string): number | string {
  let mask = 0;
  for (const part of text.split(',').filter((p) => p !== '')) {
    const upper = part.toUpperCase();
    if (upper === 'ALL') mask |= 0x3f;
    else if (upper === 'NONE') continue;
    else {
      const bit = FLAGS.indexOf(upper as (typeof FLAGS)[number]);
      if (bit < 0) return `Unknown TCP flag \`${part}'`;
      mask |= 1 << bit;
    }
  }
  return mask;
}

function formatFlags(mask: number): string {
  const names = FLAGS.filter((_, bit) => mask & (1 << bit));
  return names.length ? names.join(',') : 'NONE';
}

export const tcpMatch: Extension = {
  name: 'tcp',
  options: [
    ...PORT_OPTIONS,
    { name: 'syn', arity: 0, invertible: true },
    { name: 'tcp-flags', arity: 2, invertible: true },
    { name: 'tcp-option', arity: 1, invertible: true },
  ],
  normalize(options, ctx) {
    const proto = requireProtocol(ctx, [PROTO_TCP], 'tcp match');
    if (proto) return err(proto);
    const ports = normalizePorts(options, false);
    if (!ports.ok) return ports;
    const out = ports.value;
    const tcpOption = given(options, 'tcp-option');
    if (tcpOption) {
      const n = parseUint(value(tcpOption), 1, 255);
      if (n === null) return wordError(tcpOption.index, `Bad TCP option "${value(tcpOption)}"`);
      out.push(option('tcp-option', [String(n)], tcpOption.negated));
    }
    const syn = given(options, 'syn');
    const flags = given(options, 'tcp-flags');
    if (syn && flags) {
      const later = Math.max(syn.index, flags.index);
      return wordError(later, "Only one of `--syn' or `--tcp-flags'  allowed");
    }
    if (syn) out.push(option('tcp-flags', ['FIN,SYN,RST,ACK', 'SYN'], syn.negated));
    if (flags) {
      const mask = parseFlags(value(flags, 0));
      const comp = parseFlags(value(flags, 1));
      if (typeof mask === 'string') return wordError(flags.index + 1, mask);
      if (typeof comp === 'string') return wordError(flags.index + 2, comp);
      if (mask !== 0 || flags.negated) {
        out.push(option('tcp-flags', [formatFlags(mask), formatFlags(comp)], flags.negated));
      }
    }
    return ok(out);
  },
};
