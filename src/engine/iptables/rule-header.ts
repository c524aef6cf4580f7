/** The fixed part of a rule (`-s -d -i -o -p -f`): option names and value parsing. */
import type { IpFamily } from '../net/ip.ts';
import { parseRuleCidr } from './addresses.ts';
import { parseProtocol } from './protocols.ts';
import type { AddressMatch, InterfaceMatch, ProtocolMatch } from './rule.ts';

/** What a core (non-module) option does. */
export type CoreOption =
  'src' | 'dst' | 'in' | 'out' | 'proto' | 'frag' | 'match' | 'jump' | 'goto' | 'counters';

/** Short and long spellings of the core options of a rule specification. */
export const CORE_OPTIONS: ReadonlyMap<string, CoreOption> = new Map<string, CoreOption>([
  ['-s', 'src'],
  ['--source', 'src'],
  ['--src', 'src'],
  ['-d', 'dst'],
  ['--destination', 'dst'],
  ['--dst', 'dst'],
  ['-i', 'in'],
  ['--in-interface', 'in'],
  ['-o', 'out'],
  ['--out-interface', 'out'],
  ['-p', 'proto'],
  ['--protocol', 'proto'],
  ['-f', 'frag'],
  ['--fragment', 'frag'],
  ['-m', 'match'],
  ['--match', 'match'],
  ['-j', 'jump'],
  ['--jump', 'jump'],
  ['-g', 'goto'],
  ['--goto', 'goto'],
  ['-c', 'counters'],
  ['--set-counters', 'counters'],
]);

/** Core options that may be preceded by `!`. */
export const INVERTIBLE_CORE: ReadonlySet<CoreOption> = new Set([
  'src',
  'dst',
  'in',
  'out',
  'proto',
  'frag',
]);

/** Parses an `-s`/`-d` value; `/0` without `!` matches everything and is dropped like iptables does. */
export function parseAddressMatch(
  text: string,
  negated: boolean,
  family: IpFamily,
): AddressMatch | null | string {
  const cidr = parseRuleCidr(text, family);
  if (typeof cidr === 'string') return cidr;
  if (cidr.prefix === 0 && !negated) return null;
  return { cidr, negated };
}

/** Parses an `-i`/`-o` value; a lone `+` (any interface) is dropped like iptables-save does. */
export function parseInterfaceMatch(
  text: string,
  negated: boolean,
): InterfaceMatch | null | string {
  if (text.length === 0 || text.length > 15) {
    return `interface name \`${text}' must be shorter than IFNAMSIZ (15)`;
  }
  if (text === '+') return null;
  return { name: text, negated };
}

/** One readonly ProtocolMatch per protocol and `!`, shared by all rules that name it. */
const PROTOCOL_MATCHES = new Map<number, ProtocolMatch>();

function protocolMatch(number: number, negated: boolean): ProtocolMatch {
  const key = negated ? -number : number;
  let m = PROTOCOL_MATCHES.get(key);
  if (!m) PROTOCOL_MATCHES.set(key, (m = { number, negated }));
  return m;
}

/** Parses a `-p` value; `all`/`0` without `!` is no restriction (null). */
export function parseProtocolMatch(text: string, negated: boolean): ProtocolMatch | null | string {
  const number = parseProtocol(text);
  if (number === null) return `unknown protocol "${text}" specified`;
  if (number === 0) return negated ? 'rule would never match protocol' : null;
  return protocolMatch(number, negated);
}
