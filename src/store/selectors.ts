/**
 * Named selectors: each returns a primitive or a stored reference (zustand v5 loops on new
 * references; house-style §4.1.5), with module-level fallbacks.
 */
import type { ClusterModel, Hop } from '../engine/index.ts';
import type { AppState } from './app-state.ts';
import { rulesText } from './rules-text.ts';

export const EMPTY_NODES: readonly string[] = [];

export const selectCluster = (s: AppState): ClusterModel | null => s.model?.cluster ?? null;
export const selectModelVersion = (s: AppState): number => s.model?.version ?? 0;
export const selectStale = (s: AppState): boolean => s.stale;
export const selectErrorCount = (s: AppState): number =>
  s.diagnostics.reduce((n, d) => n + (d.severity === 'error' ? 1 : 0), 0);

/** The node whose rules are shown: the chosen one, else the first worker, else the first node. */
export function selectRulesNode(s: AppState): string | null {
  const nodes = s.model?.cluster.nodes;
  if (!nodes || nodes.length === 0) return null;
  if (s.rulesNode && nodes.some((n) => n.name === s.rulesNode)) return s.rulesNode;
  return (nodes.find((n) => n.role === 'worker') ?? nodes[0])!.name;
}

/** The rules text on screen (cached per model, so the reference is stable). */
export function selectRulesText(s: AppState): string {
  const node = selectRulesNode(s);
  return s.model && node ? rulesText(s.model, node, s.rulesView) : '';
}

/** The same view before the last change, for added/removed marks; null when there was none. */
export function selectPreviousRulesText(s: AppState): string | null {
  const node = selectRulesNode(s);
  if (!s.previousModel || !node) return null;
  if (!s.previousModel.cluster.nodes.some((n) => n.name === node)) return null;
  return rulesText(s.previousModel, node, s.rulesView);
}

/** The hop under the packet (or selected), or null. */
export function selectCurrentHop(s: AppState): Hop | null {
  const ref = s.steps[s.hopIndex];
  if (!ref || !s.trace) return null;
  return s.trace.connections[0]?.packets[ref.packet]?.hops[ref.hop] ?? null;
}
