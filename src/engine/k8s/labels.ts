/** Label selectors: matching (matchLabels + matchExpressions, and Service-style maps) and printing. */
import type { LabelSelector } from './api-types.ts';

type Labels = Readonly<Record<string, string>>;

/** Whether every `key: value` of a map selector is in `labels` (an empty map matches everything). */
export function matchesMap(selector: Labels, labels: Labels): boolean {
  return Object.entries(selector).every(
    ([k, v]) => Object.prototype.hasOwnProperty.call(labels, k) && labels[k] === v,
  );
}

/** metav1.LabelSelector semantics; a missing selector matches nothing, an empty one everything. */
export function matchesSelector(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return false;
  if (!matchesMap(selector.matchLabels ?? {}, labels)) return false;
  for (const req of selector.matchExpressions ?? []) {
    const key = req.key ?? '';
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(labels[key] ?? '')) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key] ?? '')) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Whether the selector selects nothing at all (no labels, no expressions). */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return (
    !selector ||
    (Object.keys(selector.matchLabels ?? {}).length === 0 &&
      (selector.matchExpressions ?? []).length === 0)
  );
}

/** `app=web,tier=front` (keys sorted), as labels.Set.String() prints. */
export function formatLabels(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k] ?? ''}`)
    .join(',');
}

/** The selector a ReplicaSet gets from its Deployment: the Deployment's plus `pod-template-hash`. */
export function withLabel(
  selector: LabelSelector | undefined,
  key: string,
  value: string,
): LabelSelector {
  return { ...(selector ?? {}), matchLabels: { ...(selector?.matchLabels ?? {}), [key]: value } };
}
