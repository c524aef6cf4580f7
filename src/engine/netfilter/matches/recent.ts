/**
 * `-m recent` (xt_recent's recent_mt, step by step): `--set` records the source (or with
 * `--rdest` the destination) address, `--rcheck`/`--update` match when it was seen `--hitcount`
 * times within `--seconds`, `--update` also re-stamps it, `--reap` drops the list's oldest entry
 * if expired, `--remove` deletes it. Lists live in the evaluation state.
 */
import type { Ip } from '../../net/ip.ts';
import { parseIp } from '../../net/ip.ts';
import type { MatchEvaluator } from '../match-evaluator.ts';
import { optionOf, unknownOption } from '../match-evaluator.ts';
import type { RecentList } from '../recent-table.ts';
import {
  addRecent,
  findRecent,
  reapRecent,
  recentHit,
  removeRecent,
  touchRecent,
} from '../recent-table.ts';
import { addNote } from '../run.ts';

const COMMANDS = ['set', 'rcheck', 'update', 'remove'];
const OPTIONS = [
  ...COMMANDS,
  'seconds',
  'reap',
  'hitcount',
  'rttl',
  'name',
  'mask',
  'rsource',
  'rdest',
];

function maskAddress(ip: Ip, mask: Ip): Ip {
  if (ip.family === 4 && mask.family === 4)
    return { family: 4, value: (ip.value & mask.value) >>> 0 };
  if (ip.family === 6 && mask.family === 6) return { family: 6, value: ip.value & mask.value };
  return ip;
}

export const recentEvaluator: MatchEvaluator = {
  name: 'recent',
  pure: false,
  compile(call) {
    const bad = unknownOption(call, OPTIONS);
    if (bad) return bad;
    const commandOption = call.options.find((o) => COMMANDS.includes(o.name));
    if (!commandOption) return 'match "recent": no --set/--rcheck/--update/--remove';
    const command = commandOption.name;
    const negated = commandOption.negated;
    const seconds = Number(optionOf(call, 'seconds')?.values[0] ?? '0');
    const hitcount = Number(optionOf(call, 'hitcount')?.values[0] ?? '0');
    const reap = optionOf(call, 'reap') !== undefined;
    const rttl = optionOf(call, 'rttl') !== undefined;
    const rdest = optionOf(call, 'rdest') !== undefined;
    const name = optionOf(call, 'name')?.values[0] ?? 'DEFAULT';
    const maskText = optionOf(call, 'mask')?.values[0];
    const mask = maskText === undefined ? null : parseIp(maskText);
    if (maskText !== undefined && !mask) return `match "recent": bad --mask "${maskText}"`;
    return (run) => {
      const p = run.packet;
      const now = run.ctx.nowMs;
      const raw = rdest ? p.dst : p.src;
      const address = mask ? maskAddress(raw, mask) : raw;
      let list: RecentList | undefined = run.state.recent.get(name);
      if (!list) run.state.recent.set(name, (list = { entries: new Map() }));
      let ret = negated;
      const e = findRecent(list, address, rttl ? p.ttl : 0);
      if (!e) {
        if (command === 'set') {
          addRecent(list, address, p.ttl, now);
          ret = !ret;
        }
      } else {
        if (command === 'set') ret = !ret;
        else if (command === 'remove') {
          removeRecent(list, e);
          ret = !ret;
        } else {
          const cutoff = now - seconds * 1000;
          if (recentHit(e, seconds ? cutoff : null, hitcount)) ret = !ret;
          if (reap) reapRecent(list, cutoff, e, command === 'update' && ret);
        }
        if (command === 'set' || (command === 'update' && ret)) {
          touchRecent(list, e, now);
          e.ttl = p.ttl;
        }
      }
      addNote(run, { kind: 'recent', name, command, address, matched: ret });
      return ret;
    };
  },
};
