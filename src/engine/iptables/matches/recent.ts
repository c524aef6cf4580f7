/**
 * `-m recent`: the list commands (--set/--rcheck/--update/--remove) and their modifiers. iptables
 * prints the command first, `--name` after the modifiers, then the mask and the side (defaults
 * `DEFAULT`, all-ones mask, `--rsource`).
 */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { formatIp } from '../../net/ip.ts';
import { parseFamilyIp } from '../addresses.ts';
import { parseUint } from '../numbers.ts';
import { ok, wordError } from '../result.ts';
import type { ExtensionOption } from '../rule.ts';

const COMMANDS = ['set', 'rcheck', 'update', 'remove'] as const;
const FULL_MASK = { 4: '255.255.255.255', 6: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff' } as const;

export const recentMatch: Extension = {
  name: 'recent',
  options: [
    ...COMMANDS.map((name) => ({ name, arity: 0 as const, invertible: true })),
    { name: 'seconds', arity: 1 },
    { name: 'reap', arity: 0 },
    { name: 'hitcount', arity: 1 },
    { name: 'rttl', arity: 0 },
    { name: 'name', arity: 1 },
    { name: 'rsource', arity: 0 },
    { name: 'rdest', arity: 0 },
    { name: 'mask', arity: 1 },
  ],
  normalize(options, ctx) {
    const commands = options.filter((o) => (COMMANDS as readonly string[]).includes(o.name));
    const command = commands[0];
    if (!command) {
      return wordError(
        ctx.index,
        "recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'",
      );
    }
    if (commands[1]) {
      const msg = `recent: "--${commands[1].name}" cannot be used together with "--${command.name}"`;
      return wordError(commands[1].index, msg);
    }
    const out: ExtensionOption[] = [option(command.name, [], command.negated)];
    const seconds = given(options, 'seconds');
    const reap = given(options, 'reap');
    const hitcount = given(options, 'hitcount');
    const rttl = given(options, 'rttl');
    if (seconds) {
      const n = parseUint(value(seconds), 1);
      if (n === null)
        return wordError(seconds.index + 1, `recent: bad --seconds "${value(seconds)}"`);
      out.push(option('seconds', [String(n)]));
    }
    if (reap) {
      if (!seconds) return wordError(reap.index, 'recent: "--reap" requires "--seconds"');
      out.push(option('reap'));
    }
    if (hitcount) {
      const n = parseUint(value(hitcount));
      if (n === null)
        return wordError(hitcount.index + 1, `recent: bad --hitcount "${value(hitcount)}"`);
      if (n !== 0) out.push(option('hitcount', [String(n)]));
    }
    if (rttl) {
      if (command.name === 'set' || command.name === 'remove') {
        return wordError(rttl.index, `recent: "--rttl" cannot be used with "--${command.name}"`);
      }
      out.push(option('rttl'));
    }
    const name = given(options, 'name');
    const listName = name ? value(name) : 'DEFAULT';
    if (listName.length > 199) return wordError(name?.index ?? ctx.index, 'recent: name too long');
    out.push(option('name', [listName]));
    const mask = given(options, 'mask');
    let maskText: string = FULL_MASK[ctx.family];
    if (mask) {
      const ip = parseFamilyIp(value(mask), ctx.family);
      if (!ip) return wordError(mask.index + 1, `host/network \`${value(mask)}' not found`);
      maskText = formatIp(ip);
    }
    out.push(option('mask', [maskText]));
    const side = options.filter((o) => o.name === 'rsource' || o.name === 'rdest').at(-1);
    out.push(option(side?.name ?? 'rsource'));
    return ok(out);
  },
};
