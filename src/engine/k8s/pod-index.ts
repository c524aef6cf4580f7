/**
 * A lookup of pods by namespace and label, so that matching hundreds of selectors against
 * thousands of pods stays fast. Built once per pod list (memoised on the list itself).
 */
import { matchesMap } from './labels.ts';

interface IndexedPod {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

interface PodIndex<P> {
  /** Pods by `namespace`, then by `key=value` of each label. */
  readonly byLabel: Map<string, Map<string, P[]>>;
  readonly byNamespace: Map<string, P[]>;
}

const indexes = new WeakMap<readonly IndexedPod[], PodIndex<IndexedPod>>();

function indexOf<P extends IndexedPod>(pods: readonly P[]): PodIndex<P> {
  const cached = indexes.get(pods) as PodIndex<P> | undefined;
  if (cached) return cached;
  const index: PodIndex<P> = { byLabel: new Map(), byNamespace: new Map() };
  for (const pod of pods) {
    let ns = index.byNamespace.get(pod.namespace);
    if (!ns) index.byNamespace.set(pod.namespace, (ns = []));
    ns.push(pod);
    let labels = index.byLabel.get(pod.namespace);
    if (!labels) index.byLabel.set(pod.namespace, (labels = new Map()));
    for (const [k, v] of Object.entries(pod.labels)) {
      const key = `${k}=${v}`;
      let list = labels.get(key);
      if (!list) labels.set(key, (list = []));
      list.push(pod);
    }
  }
  indexes.set(pods, index as PodIndex<IndexedPod>);
  return index;
}

/** The pods of `namespace` whose labels include every `key: value` of `selector`, in list order. */
export function podsMatching<P extends IndexedPod>(
  pods: readonly P[],
  namespace: string,
  selector: Readonly<Record<string, string>>,
): P[] {
  const index = indexOf(pods);
  const entries = Object.entries(selector);
  const [first] = entries;
  if (!first) return [...(index.byNamespace.get(namespace) ?? [])];
  const candidates = index.byLabel.get(namespace)?.get(`${first[0]}=${first[1]}`) ?? [];
  return entries.length === 1
    ? [...candidates]
    : candidates.filter((p) => matchesMap(selector, p.labels));
}
