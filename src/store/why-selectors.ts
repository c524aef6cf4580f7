/**
 * What the chosen "why" field marks: the keys of its rules on a node, and the trace's hops that
 * used one of them. Memoised per (model, node, field) so selectors return stored references.
 */
import { rulesOfField, ruleKey, type FieldRef } from '../engine/index.ts';
import type { AppState } from './app-state.ts';
import { nodeRulesOf } from './rules-text.ts';
import type { Model } from './scenario-slice.ts';
import { selectRulesNode } from './selectors.ts';

const NONE: ReadonlySet<string> = new Set();
const NO_HOPS: ReadonlySet<number> = new Set();

const keysCache = new WeakMap<Model, WeakMap<FieldRef, Map<string, ReadonlySet<string>>>>();

/** Keys of the rules `field` produced on `node` (empty when the node is gone). */
export function whyKeysOn(model: Model, node: string, field: FieldRef): ReadonlySet<string> {
  let byField = keysCache.get(model);
  if (!byField) keysCache.set(model, (byField = new WeakMap()));
  let byNode = byField.get(field);
  if (!byNode) byField.set(field, (byNode = new Map()));
  const hit = byNode.get(node);
  if (hit) return hit;
  const rules = nodeRulesOf(model, node);
  const keys = rules ? rulesOfField(model.cluster, rules.document, field) : NONE;
  byNode.set(node, keys);
  return keys;
}

/** The rules of the shown node that the chosen field produced. */
export function selectWhyKeys(s: AppState): ReadonlySet<string> {
  const node = selectRulesNode(s);
  if (!s.why || !s.model || !node) return NONE;
  return whyKeysOn(s.model, node, s.why.field);
}

const hopsCache = new WeakMap<object, WeakMap<FieldRef, ReadonlySet<number>>>();

/** Indexes into `steps` of the hops whose rules include one the chosen field produced. */
export function selectWhyHops(s: AppState): ReadonlySet<number> {
  const { why, model, trace, steps } = s;
  if (!why || !model || !trace) return NO_HOPS;
  let byField = hopsCache.get(steps);
  if (!byField) hopsCache.set(steps, (byField = new WeakMap()));
  const hit = byField.get(why.field);
  if (hit) return hit;
  const out = new Set<number>();
  steps.forEach((ref, i) => {
    const hop = trace.connections[0]?.packets[ref.packet]?.hops[ref.hop];
    if (!hop?.node || !hop.rules) return;
    const keys = whyKeysOn(model, hop.node, why.field);
    if (hop.rules.some((r) => keys.has(ruleKey(r.table, r.chain, r.ruleNumber)))) out.add(i);
  });
  byField.set(why.field, out);
  return out;
}
