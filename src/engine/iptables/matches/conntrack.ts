/**
 * `-m conntrack`: connection state, status, original/reply tuple, expiry, direction. iptables-save
 * prints the options in a fixed order whatever the input order; states and statuses in kernel order.
 */
import type { Extension, GivenOption } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { formatHostMask, parseHostMask } from '../addresses.ts';
import { parseUint } from '../numbers.ts';
import { parseProtocol } from '../protocols.ts';
import type { Result, WordError } from '../result.ts';
import { ok, wordError } from '../result.ts';
import type { ExtensionOption } from '../rule.ts';
import { formatKeywordList, parseKeywordList } from './flag-list.ts';
import { parsePort } from './ports.ts';

/** Order in which iptables tries the state keywords (matters for prefixes). */
const CT_STATE_PARSE = ['INVALID', 'NEW', 'ESTABLISHED', 'RELATED', 'UNTRACKED', 'SNAT', 'DNAT'];
/** Order in which iptables prints them (kernel bit order). */
const CT_STATE_PRINT = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];
const STATUS = ['EXPECTED', 'SEEN_REPLY', 'ASSURED', 'CONFIRMED'];

const ADDRESSES = ['ctorigsrc', 'ctorigdst', 'ctreplsrc', 'ctrepldst'];
const PORTS = ['ctorigsrcport', 'ctorigdstport', 'ctreplsrcport', 'ctrepldstport'];

type Step = Result<ExtensionOption | null, WordError>;

function ctPort(o: GivenOption): Step {
  const [loText, hiText, extra] = value(o).split(':');
  const lo = parsePort(loText ?? '');
  const hi = hiText === undefined ? lo : parsePort(hiText);
  if (lo === null || hi === null || extra !== undefined || hi < lo) {
    return wordError(o.index + 1, `conntrack: Bad value for "--${o.name}" option: "${value(o)}"`);
  }
  return ok(option(o.name, [lo === hi ? String(lo) : `${lo}:${hi}`], o.negated));
}

function ctStatus(o: GivenOption): Step {
  const parsed = parseKeywordList(value(o), ['NONE', ...STATUS]);
  if ('bad' in parsed) return wordError(o.index + 1, `Bad ctstatus "${value(o)}"`);
  const printed = formatKeywordList(parsed.set, STATUS);
  return ok(option('ctstatus', [printed === '' ? 'NONE' : printed], o.negated));
}

function ctExpire(o: GivenOption): Step {
  const [loText, hiText, extra] = value(o).split(':');
  const lo = parseUint(loText ?? '');
  const hi = hiText === undefined ? lo : parseUint(hiText);
  if (lo === null || hi === null || extra !== undefined || hi < lo) {
    return wordError(o.index + 1, `conntrack: Bad value for "--ctexpire" option: "${value(o)}"`);
  }
  return ok(option('ctexpire', [lo === hi ? String(lo) : `${lo}:${hi}`], o.negated));
}

export const conntrackMatch: Extension = {
  name: 'conntrack',
  options: [
    { name: 'ctstate', arity: 1, invertible: true },
    { name: 'ctproto', arity: 1, invertible: true },
    ...ADDRESSES.map((name) => ({ name, arity: 1 as const, invertible: true })),
    ...PORTS.map((name) => ({ name, arity: 1 as const, invertible: true })),
    { name: 'ctstatus', arity: 1, invertible: true },
    { name: 'ctexpire', arity: 1, invertible: true },
    { name: 'ctdir', arity: 1 },
  ],
  normalize(options, ctx) {
    if (options.length === 0) {
      return wordError(ctx.index, 'conntrack: At least one option is required');
    }
    const out: ExtensionOption[] = [];
    const state = given(options, 'ctstate');
    if (state) {
      const parsed = parseKeywordList(value(state), CT_STATE_PARSE);
      if ('bad' in parsed) return wordError(state.index + 1, `Bad ctstate "${value(state)}"`);
      out.push(option('ctstate', [formatKeywordList(parsed.set, CT_STATE_PRINT)], state.negated));
    }
    const proto = given(options, 'ctproto');
    if (proto) {
      const n = parseProtocol(value(proto));
      if (n === null)
        return wordError(proto.index + 1, `unknown protocol "${value(proto)}" specified`);
      if (n === 0 && proto.negated) {
        return wordError(proto.index, 'conntrack: rule would never match protocol');
      }
      out.push(option('ctproto', [String(n)], proto.negated));
    }
    for (const name of ADDRESSES) {
      const o = given(options, name);
      if (!o) continue;
      const hm = parseHostMask(value(o), ctx.family);
      if (typeof hm === 'string') return wordError(o.index + 1, hm);
      out.push(option(name, [formatHostMask(hm)], o.negated));
    }
    const steps: [string, (o: GivenOption) => Step][] = [
      ...PORTS.map((name) => [name, ctPort] as [string, (o: GivenOption) => Step]),
      ['ctstatus', ctStatus],
      ['ctexpire', ctExpire],
    ];
    for (const [name, step] of steps) {
      const o = given(options, name);
      if (!o) continue;
      const r = step(o);
      if (!r.ok) return r;
      if (r.value) out.push(r.value);
    }
    const dir = given(options, 'ctdir');
    if (dir) {
      const d = value(dir).toUpperCase();
      if (d !== 'ORIGINAL' && d !== 'REPLY') {
        return wordError(
          dir.index + 1,
          `conntrack: Bad value for "--ctdir" option: "${value(dir)}"`,
        );
      }
      out.push(option('ctdir', [d]));
    }
    return ok(out);
  },
};
