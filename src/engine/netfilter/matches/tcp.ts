/** `-m tcp`: ports, `--tcp-flags MASK COMP` (`--syn` is stored as `FIN,SYN,RST,ACK SYN`), `--tcp-option`. */
import type { MatchEvaluator } from '../match-evaluator.ts';
import { optionOf, unknownOption } from '../match-evaluator.ts';
import { compilePortTest } from './port-test.ts';

const FLAG_BITS: Readonly<Record<string, number>> = {
  FIN: 0x01,
  SYN: 0x02,
  RST: 0x04,
  PSH: 0x08,
  ACK: 0x10,
  URG: 0x20,
  ALL: 0x3f,
  NONE: 0,
};

function parseFlags(text: string): number | null {
  let bits = 0;
  for (const name of text.split(',')) {
    const bit = FLAG_BITS[name];
    if (bit === undefined) return null;
    bits |= bit;
  }
  return bits;
}

export const tcpEvaluator: MatchEvaluator = {
  name: 'tcp',
  pure: true,
  compile(call) {
    const bad = unknownOption(call, ['sport', 'dport', 'tcp-flags', 'tcp-option']);
    if (bad) return bad;
    const ports = compilePortTest(call);
    if (typeof ports === 'string') return ports;
    const flags = optionOf(call, 'tcp-flags');
    const mask = flags ? parseFlags(flags.values[0] ?? '') : 0;
    const comp = flags ? parseFlags(flags.values[1] ?? '') : 0;
    if (mask === null || comp === null) return `match "tcp": bad --tcp-flags`;
    const flagsNegated = flags?.negated ?? false;
    const option = optionOf(call, 'tcp-option');
    const kind = option ? Number(option.values[0]) : 0;
    const optionNegated = option?.negated ?? false;
    if (!flags && !option) return ports;
    return (run) => {
      const p = run.packet;
      if (!ports(run)) return false;
      if (flags && ((p.tcpFlags & mask) === comp) === flagsNegated) return false;
      if (option && (p.tcpOptions?.includes(kind) ?? false) === optionNegated) return false;
      return true;
    };
  },
};
