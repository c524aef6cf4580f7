/**
 * `-m conntrack` (xt_conntrack's conntrack_mt, same order): the state test, then — only when the
 * packet has an entry — direction, tuple addresses and ports, protocol, status bits and expiry.
 * Without an entry (INVALID/UNTRACKED) only a rule testing the state alone can match.
 */
import type { ExtensionOption } from '../../iptables/rule.ts';
import type { Ip } from '../../net/ip.ts';
import { parseHostMask } from '../../iptables/addresses.ts';
import type { ConntrackEntry, Tuple } from '../conntrack-entry.ts';
import type { MatchEvaluator } from '../match-evaluator.ts';
import { optionOf, parseStoredPorts, unknownOption } from '../match-evaluator.ts';
import type { Run } from '../run.ts';
import { parseStateList, parseStatusList, stateBits } from './ct-state-bits.ts';

type EntryTest = (entry: ConntrackEntry, run: Run) => boolean;

/** [option, which tuple, which side]. */
const ADDRESSES: readonly (readonly [string, 'original' | 'reply', 'src' | 'dst'])[] = [
  ['ctorigsrc', 'original', 'src'],
  ['ctorigdst', 'original', 'dst'],
  ['ctreplsrc', 'reply', 'src'],
  ['ctrepldst', 'reply', 'dst'],
];
const PORTS: readonly (readonly [string, 'original' | 'reply', 'sport' | 'dport'])[] = [
  ['ctorigsrcport', 'original', 'sport'],
  ['ctorigdstport', 'original', 'dport'],
  ['ctreplsrcport', 'reply', 'sport'],
  ['ctrepldstport', 'reply', 'dport'],
];
const OPTIONS = [
  'ctstate',
  'ctproto',
  'ctstatus',
  'ctexpire',
  'ctdir',
  ...ADDRESSES.map((a) => a[0]),
  ...PORTS.map((p) => p[0]),
];

function sameNetwork(a: Ip, b: Ip, prefix: number): boolean {
  if (a.family === 4 && b.family === 4) {
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    return (a.value & mask) >>> 0 === (b.value & mask) >>> 0;
  }
  if (a.family === 6 && b.family === 6) {
    const shift = BigInt(128 - prefix);
    return a.value >> shift === b.value >> shift;
  }
  return false;
}

function addressTest(
  o: ExtensionOption,
  which: 'original' | 'reply',
  side: 'src' | 'dst',
  family: 4 | 6,
): EntryTest | string {
  const hm = parseHostMask(o.values[0] ?? '', family);
  if (typeof hm === 'string') return `match "conntrack": --${o.name}: ${hm}`;
  return (entry) => sameNetwork((entry[which] as Tuple)[side], hm.ip, hm.prefix) !== o.negated;
}

function rangeTest(
  o: ExtensionOption,
  read: (entry: ConntrackEntry, run: Run) => number,
): EntryTest | string {
  const range = parseStoredPorts(o.values[0] ?? '');
  if (!range) return `match "conntrack": bad --${o.name} "${o.values[0] ?? ''}"`;
  const [lo, hi] = range;
  return (entry, run) => {
    const v = read(entry, run);
    return (v >= lo && v <= hi) !== o.negated;
  };
}

export const conntrackEvaluator: MatchEvaluator = {
  name: 'conntrack',
  pure: true,
  compile(call, site) {
    const bad = unknownOption(call, OPTIONS);
    if (bad) return bad;
    const state = optionOf(call, 'ctstate');
    const stateMask = state ? parseStateList(state.values[0] ?? '') : 0;
    if (stateMask === null) return 'match "conntrack": bad --ctstate';
    const tests: EntryTest[] = [];
    const dir = optionOf(call, 'ctdir');
    if (dir) {
      const want = dir.values[0];
      tests.push((_, run) => run.ctx.ct.dir === want);
    }
    for (const [name, which, side] of ADDRESSES) {
      const o = optionOf(call, name);
      if (!o) continue;
      const t = addressTest(o, which, side, site.family);
      if (typeof t === 'string') return t;
      tests.push(t);
    }
    const proto = optionOf(call, 'ctproto');
    if (proto) {
      const n = Number(proto.values[0]);
      tests.push((entry) => (entry.original.proto === n) !== proto.negated);
    }
    for (const [name, which, field] of PORTS) {
      const o = optionOf(call, name);
      if (!o) continue;
      const t = rangeTest(o, (entry) => entry[which][field]);
      if (typeof t === 'string') return t;
      tests.push(t);
    }
    const status = optionOf(call, 'ctstatus');
    if (status) {
      const mask = parseStatusList(status.values[0] ?? '');
      if (mask === null) return 'match "conntrack": bad --ctstatus';
      tests.push((entry) => ((entry.status & mask) !== 0) !== status.negated);
    }
    const expire = optionOf(call, 'ctexpire');
    if (expire) {
      const t = rangeTest(expire, (entry, run) =>
        Math.max(0, Math.floor((entry.expiresAtMs - run.ctx.nowMs) / 1000)),
      );
      if (typeof t === 'string') return t;
      tests.push(t);
    }
    const stateOnly = tests.length === 0;
    return (run) => {
      const ct = run.ctx.ct;
      if (state && ((stateBits(ct, true) & stateMask) !== 0) === state.negated) return false;
      const entry = ct.entry;
      if (!entry) return stateOnly && state !== undefined;
      for (const t of tests) if (!t(entry, run)) return false;
      return true;
    };
  },
};
