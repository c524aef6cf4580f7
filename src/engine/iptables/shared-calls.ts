/**
 * Normalised match/target calls, shared between rules. kube-proxy repeats the same few module
 * calls (`-m tcp`, `--dport 80`, `-m statistic --probability 0.2…`) thousands of times; rules are
 * immutable, so equal calls can be one object: less to normalise, less memory for the GC to copy.
 */
import type { ExtensionContext } from './extension.ts';
import type { Loaded } from './option-lookup.ts';
import type { Result, WordError } from './result.ts';
import { ok } from './result.ts';
import type { MatchCall, TargetCall } from './rule.ts';

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

/** The module's canonical call for the options given to it (checked and normalised by the module). */
export function moduleCall(
  l: Loaded,
  ctx: ExtensionContext,
): Result<MatchCall | TargetCall, WordError> {
  if (l.ext.distinct) return newCall(l, ctx);
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

/** A rule's match list when `call` is its only match. */
export function onlyMatch(call: MatchCall): readonly MatchCall[] {
  return ALONE.get(call) ?? [call];
}

function newCall(l: Loaded, ctx: ExtensionContext): Result<MatchCall | TargetCall, WordError> {
  const normalized = l.ext.normalize(l.given, ctx);
  if (!normalized.ok) return normalized;
  const options = normalized.value.slice(); // exact size: arrays built by push keep spare room
  const name = l.ext.name;
  return ok(l.isTarget ? { kind: 'extension', name, options, goto: false } : { name, options });
}
