/**
 * A node's rules as text, computed once per (model, node, view) and remembered with the model, so
 * selectors return the same string until the model changes.
 */
import { computeNodeRules, formatNodeRules, type NodeRules } from '../engine/index.ts';
import type { Model } from './scenario-slice.ts';
import type { RulesView } from './view-slice.ts';

const rulesCache = new WeakMap<Model, Map<string, NodeRules>>();
const textCache = new WeakMap<Model, Map<string, string>>();

/** kube-proxy's sync on `node` (cached with the model); null when the node is gone. */
export function nodeRulesOf(model: Model, node: string): NodeRules | null {
  let byNode = rulesCache.get(model);
  if (!byNode) rulesCache.set(model, (byNode = new Map()));
  const hit = byNode.get(node);
  if (hit) return hit;
  if (!model.cluster.nodes.some((n) => n.name === node)) return null;
  const rules = computeNodeRules(model.cluster, node);
  byNode.set(node, rules);
  return rules;
}

/** The rules of `node` in `view`, exactly as the command prints them; '' when the node is gone. */
export function rulesText(model: Model, node: string, view: RulesView): string {
  let byKey = textCache.get(model);
  if (!byKey) textCache.set(model, (byKey = new Map()));
  const key = `${node}\u0000${view}`;
  const hit = byKey.get(key);
  if (hit !== undefined) return hit;
  const rules = nodeRulesOf(model, node);
  let text = '';
  if (rules) {
    if (view === 'nat-S') text = formatNodeRules(rules, 'S', 'nat');
    else if (view === 'filter-S') text = formatNodeRules(rules, 'S', 'filter');
    else if (view === 'save') text = formatNodeRules(rules, 'save');
    else text = formatNodeRules(rules, 'restore');
  }
  byKey.set(key, text);
  return text;
}

/** The command that prints `view`, as a learner would type it. */
export const RULES_COMMAND: Readonly<Record<RulesView, string>> = {
  'nat-S': 'iptables -t nat -S',
  save: 'iptables-save',
  'filter-S': 'iptables -t filter -S',
  restore: "kube-proxy's iptables-restore input",
};
