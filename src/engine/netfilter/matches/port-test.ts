/**
 * `--sport` / `--dport` of the tcp, udp and sctp matches: `p` or `lo:hi`, `!` inverts; a
 * non-first fragment never matches. The ranges are captured as plain numbers (this test runs for
 * every Service rule a packet reaches).
 */
import type { MatchCall } from '../../iptables/rule.ts';
import { optionOf, parseStoredPorts } from '../match-evaluator.ts';
import type { MatchTest } from '../match-evaluator.ts';

/** The test of a port match without port options: only fragments fail (shared by all rules). */
const NOT_FRAGMENT: MatchTest = (run) => run.packet.fragment !== true;

/** The combined sport/dport test of a tcp/udp/sctp match, or an error message. */
export function compilePortTest(call: MatchCall): MatchTest | string {
  const s = optionOf(call, 'sport');
  const d = optionOf(call, 'dport');
  const sr = s ? parseStoredPorts(s.values[0] ?? '') : null;
  const dr = d ? parseStoredPorts(d.values[0] ?? '') : null;
  if (s && !sr) return `match "${call.name}": bad --sport "${s.values[0] ?? ''}"`;
  if (d && !dr) return `match "${call.name}": bad --dport "${d.values[0] ?? ''}"`;
  if (!sr && !dr) return NOT_FRAGMENT;
  const hasS = sr !== null;
  const [sLo, sHi] = sr ?? [0, 65535];
  const sNeg = s?.negated ?? false;
  const hasD = dr !== null;
  const [dLo, dHi] = dr ?? [0, 65535];
  const dNeg = d?.negated ?? false;
  return ({ packet: p }) =>
    p.fragment !== true &&
    (!hasS || (p.sport >= sLo && p.sport <= sHi) !== sNeg) &&
    (!hasD || (p.dport >= dLo && p.dport <= dHi) !== dNeg);
}
