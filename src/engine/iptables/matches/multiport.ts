/** `-m multiport [!] --dports|--sports|--ports LIST` (up to 15 ports; a range `a:b` counts 2). */
import type { Extension } from '../extension.ts';
import { option, value } from '../extension.ts';
import { PROTO_DCCP, PROTO_SCTP, PROTO_TCP, PROTO_UDP, PROTO_UDPLITE } from '../protocols.ts';
import { ok, wordError } from '../result.ts';
import { parsePort } from './ports.ts';

const PROTOCOLS = [PROTO_TCP, PROTO_UDP, PROTO_UDPLITE, PROTO_SCTP, PROTO_DCCP];

function parseList(text: string): string[] | string {
  const out: string[] = [];
  let slots = 0;
  for (const part of text.split(',')) {
    const [loText, hiText] = part.split(':', 2);
    const lo = parsePort(loText ?? '');
    if (lo === null) return `invalid port/service \`${loText}' specified`;
    if (hiText === undefined) {
      out.push(String(lo));
      slots += 1;
      continue;
    }
    const hi = parsePort(hiText);
    if (hi === null) return `invalid port/service \`${hiText}' specified`;
    if (lo >= hi) return 'invalid portrange specified';
    out.push(`${lo}:${hi}`);
    slots += 2;
  }
  if (slots > 15) return 'too many ports specified';
  return out;
}

export const multiportMatch: Extension = {
  name: 'multiport',
  options: [
    { name: 'sports', aliases: ['source-ports'], arity: 1, invertible: true },
    { name: 'dports', aliases: ['destination-ports'], arity: 1, invertible: true },
    { name: 'ports', arity: 1, invertible: true },
  ],
  normalize(options, ctx) {
    const [o, second] = options;
    if (!o) return wordError(ctx.index, 'no ports specified');
    if (second) {
      const msg = `multiport: "--${second.name}" cannot be used together with "--${o.name}"`;
      return wordError(second.index, msg);
    }
    const p = ctx.protocol;
    if (!p || p.number === 0) {
      return wordError(
        o.index,
        "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'",
      );
    }
    if (p.negated || !PROTOCOLS.includes(p.number)) {
      return wordError(o.index, 'multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP');
    }
    const list = parseList(value(o));
    if (typeof list === 'string') return wordError(o.index + 1, list);
    return ok([option(o.name, [list.join(',')], o.negated)]);
  },
};
