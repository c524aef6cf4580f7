/**
 * Cluster actions as edits of the scenario's YAML text: scaling a Deployment, adding or removing a
 * worker, switching the CNI. The text stays the single source of truth (what the editor shows,
 * what a share link carries); these functions only rewrite the fields they name, keeping comments
 * and layout elsewhere (the `yaml` library's document API).
 *
 * @example
 * const r = setReplicas(text, 'default', 'deploy-nginx', 4);
 * if (r.ok) text = r.value;
 */
import { isMap, isSeq, parseAllDocuments, type Document } from 'yaml';
import { DEFAULT_LAB } from './lab.ts';
import type { CniKind } from './cluster-model.ts';

export type EditResult =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string };

const LAB_API_VERSION = 'podpath.dev/v1alpha1';

function parseDocs(text: string): Document.Parsed[] | string {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return 'the text is not a YAML stream';
  for (const d of docs) if (d.errors.length > 0) return 'fix the YAML errors first';
  return docs;
}

function join(docs: readonly Document.Parsed[]): string {
  return docs.map((d, i) => (i === 0 ? '' : '---\n') + d.toString({ lineWidth: 0 })).join('');
}

/** Objects at the top of each document, and inside `kind: List` items, with their paths. */
function objects(
  doc: Document.Parsed,
): { path: (string | number)[]; kind: unknown; ns: unknown; name: unknown }[] {
  const out: { path: (string | number)[]; kind: unknown; ns: unknown; name: unknown }[] = [];
  const root = doc.contents;
  if (!isMap(root)) return out;
  const describe = (path: (string | number)[]) => ({
    path,
    kind: doc.getIn([...path, 'kind']),
    ns: doc.getIn([...path, 'metadata', 'namespace']),
    name: doc.getIn([...path, 'metadata', 'name']),
  });
  out.push(describe([]));
  const items = root.get('items', true);
  if (isSeq(items)) items.items.forEach((_, i) => out.push(describe(['items', i])));
  return out;
}

/** Sets `spec.replicas` of the Deployment `namespace/name`. */
export function setReplicas(
  text: string,
  namespace: string,
  name: string,
  replicas: number,
): EditResult {
  if (!Number.isInteger(replicas) || replicas < 0)
    return { ok: false, error: 'replicas must be a whole number, 0 or more' };
  const docs = parseDocs(text);
  if (typeof docs === 'string') return { ok: false, error: docs };
  for (const doc of docs) {
    for (const o of objects(doc)) {
      if (o.kind !== 'Deployment' || o.name !== name) continue;
      if ((typeof o.ns === 'string' ? o.ns : 'default') !== namespace) continue;
      doc.setIn([...o.path, 'spec', 'replicas'], replicas);
      return { ok: true, value: join(docs) };
    }
  }
  return { ok: false, error: `deployments.apps "${name}" not found` };
}

/** The Lab header's document, created at the top of the text when there is none. */
function labDocument(
  docs: Document.Parsed[],
  text: string,
): { docs: Document.Parsed[]; lab: Document.Parsed } {
  const found = docs.find((d) => d.get('kind') === 'Lab');
  if (found) return { docs, lab: found };
  const header = parseAllDocuments(
    `# The lab: how many workers join the control plane, and the CNI they run.\napiVersion: ${LAB_API_VERSION}\nkind: Lab\nspec:\n  workers: ${String(DEFAULT_LAB.workers)}\n  cni: ${DEFAULT_LAB.cni}\n`,
  ) as Document.Parsed[];
  const lab = header[0] as Document.Parsed;
  return { docs: text.trim() === '' ? [lab] : [lab, ...docs], lab };
}

/** Whether the text describes its own Nodes (then the lab's worker count does not apply). */
function hasNodes(docs: readonly Document.Parsed[]): boolean {
  return docs.some((d) => objects(d).some((o) => o.kind === 'Node'));
}

/** Sets the lab's worker count (the default lab has 2); the Lab header is added when missing. */
export function setWorkers(text: string, workers: number): EditResult {
  const docs = parseDocs(text);
  if (typeof docs === 'string') return { ok: false, error: docs };
  if (hasNodes(docs))
    return { ok: false, error: 'the scenario lists its own Nodes: edit them in the YAML' };
  const { docs: all, lab } = labDocument(docs, text);
  lab.setIn(['spec', 'workers'], workers);
  return { ok: true, value: join(all) };
}

/** The lab's worker count as the text states it (the default when unstated). */
export function workersOf(text: string): number {
  const docs = parseDocs(text);
  if (typeof docs === 'string') return DEFAULT_LAB.workers;
  const lab = docs.find((d) => d.get('kind') === 'Lab');
  const n = lab?.getIn(['spec', 'workers']);
  return typeof n === 'number' ? n : DEFAULT_LAB.workers;
}

/** Sets the lab's CNI (`weave` or `docker`); the Lab header is added when missing. */
export function setCni(text: string, cni: CniKind): EditResult {
  const docs = parseDocs(text);
  if (typeof docs === 'string') return { ok: false, error: docs };
  const { docs: all, lab } = labDocument(docs, text);
  lab.setIn(['spec', 'cni'], cni);
  return { ok: true, value: join(all) };
}
