/**
 * Normalised match/target calls, shared between rules. kube-proxy repeats the same few module
 * calls (`-m tcp`, `--dport 80`, `-m statistic --probability 0.2…`) thousands of times; rules are
 * immutable, so equal calls can be one object: less to normalise, less memory for the GC to copy.
 */
import type { Extension, ExtensionContext, GivenOption } from './extension.ts';
import type { Loaded } from './option-lookup.ts';
import type { Result, WordError } from './result.ts';
import { ok } from './result.ts';
import type { ExtensionOption, MatchCall, ProtocolMatch, TargetCall } from './rule.ts';

/** The options of a verdict or chain target: none, shared by all such rules. */
export const NO_OPTIONS: readonly ExtensionOption[] = Object.freeze([]);

/** Recently made calls by key; cleared when full, so it stays small. */
const CALLS = new Map<string, MatchCall | TargetCall>();
const MAX_CALLS = 4096;

/**
 * Everything the module's result depends on, written unambiguously (values length-prefixed).
 * Word indices are left out: they only appear in errors, and errors are never shared.
 */
function callKey(l: Loaded, ctx: ExtensionContext): string {
  const p = ctx.protocol;
  let key = `${l.isTarget ? '-j' : '-m'} ${l.ext.name} ${ctx.family} ${p ? `${p.negated ? '!' : ''}${p.number}` : '-'}`;
  for (const g of l.given) {
    key += ` ${g.negated ? '!' : ''}${g.name} ${g.values.length}`;
    for (const v of g.values) key += ` ${v.length}:${v}`;
  }
  return key;
}

/** A call made recently and what it was made from. */
interface RecentCall {
  readonly isTarget: boolean;
  readonly family: number;
  readonly protocol: ProtocolMatch | undefined;
  readonly given: readonly GivenOption[];
  readonly call: MatchCall | TargetCall;
}

/**
 * Each module's last few calls, compared option by option before any key is built: rules written
 * together repeat a handful of calls (kube-proxy's `--dport`, the four probabilities of a service
 * with five endpoints, the same comment on every rule of a port's endpoints). Distinct modules
 * (comments, NAT addresses) are shared this way only, never through CALLS.
 */
const RECENT = new Map<Extension, RecentCall[]>();
const RECENT_LIMIT = 4;

function sameGiven(a: readonly GivenOption[], b: readonly GivenOption[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.name !== y.name || x.negated !== y.negated || x.values.length !== y.values.length) {
      return false;
    }
    for (let k = 0; k < x.values.length; k++) if (x.values[k] !== y.values[k]) return false;
  }
  return true;
}

function sameProtocol(a: ProtocolMatch | undefined, b: ProtocolMatch | undefined): boolean {
  return a === b || (!!a && !!b && a.number === b.number && a.negated === b.negated);
}

/** The recent call of this module made from the same options, if any. */
function recentCall(l: Loaded, ctx: ExtensionContext, recent: readonly RecentCall[]) {
  for (const r of recent) {
    if (
      r.isTarget === l.isTarget &&
      r.family === ctx.family &&
      sameProtocol(r.protocol, ctx.protocol) &&
      sameGiven(r.given, l.given)
    ) {
      return r.call;
    }
  }
  return undefined;
}

/** The module's canonical call for the options given to it (checked and normalised by the module). */
export function moduleCall(
  l: Loaded,
  ctx: ExtensionContext,
): Result<MatchCall | TargetCall, WordError> {
  let recent = RECENT.get(l.ext);
  if (!recent) RECENT.set(l.ext, (recent = []));
  const again = recentCall(l, ctx, recent);
  if (again) return ok(again);
  const call = l.ext.distinct ? newCall(l, ctx) : sharedCall(l, ctx);
  if (call.ok) {
    if (recent.length >= RECENT_LIMIT) recent.pop();
    const { isTarget, given } = l;
    recent.unshift({
      isTarget,
      family: ctx.family,
      protocol: ctx.protocol,
      given,
      call: call.value,
    });
  }
  return call;
}

/** The call from CALLS, made and kept there if new. */
function sharedCall(l: Loaded, ctx: ExtensionContext): Result<MatchCall | TargetCall, WordError> {
  const key = callKey(l, ctx);
  const known = CALLS.get(key);
  if (known) return ok(known);
  const call = newCall(l, ctx);
  if (call.ok) {
    if (CALLS.size >= MAX_CALLS) CALLS.clear();
    CALLS.set(key, call.value);
    if (!('kind' in call.value)) ALONE.set(call.value, [call.value]);
  }
  return call;
}

/** `[call]` for shared match calls, the whole match list of many rules (`-m tcp` before DNAT). */
const ALONE = new WeakMap<MatchCall, readonly MatchCall[]>();

/** The shared match list `[call]` of a call from CALLS, if it is one. */
export function onlyMatch(call: MatchCall): readonly MatchCall[] | undefined {
  return ALONE.get(call);
}

function newCall(l: Loaded, ctx: ExtensionContext): Result<MatchCall | TargetCall, WordError> {
  const normalized = l.ext.normalize(l.given, ctx);
  if (!normalized.ok) return normalized;
  const options = normalized.value.slice(); // exact size: arrays built by push keep spare room
  const name = l.ext.name;
  return ok(l.isTarget ? { kind: 'extension', name, options, goto: false } : { name, options });
}

/**
 * The last few jumps: `-j KUBE-MARK-MASQ` ends half of kube-proxy's rules, in runs, while most
 * other chains are jumped to once (a map of them all would cost more than it saves).
 */
const RECENT_JUMPS: TargetCall[] = [];
const RECENT_JUMP_LIMIT = 4;
let nextSlot = 0;

/** The target of `-j NAME` for a verdict or a chain, shared with recent rules. */
export function jumpCall(kind: 'verdict' | 'chain', name: string): TargetCall {
  for (const call of RECENT_JUMPS) if (call.name === name && call.kind === kind) return call;
  const call: TargetCall = { kind, name, goto: false, options: NO_OPTIONS };
  RECENT_JUMPS[nextSlot] = call;
  nextSlot = (nextSlot + 1) % RECENT_JUMP_LIMIT;
  return call;
}
