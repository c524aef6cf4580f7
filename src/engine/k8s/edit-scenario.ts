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
import { isMap, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
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

/** The whole stream printed again (used only when a field has to be added). */
function join(docs: readonly Document.Parsed[]): string {
  return docs
    .map((d, i) => {
      const text = d.toString({ lineWidth: 0, flowCollectionPadding: false });
      return i === 0 || text.startsWith('---') ? text : `---\n${text}`;
    })
    .join('');
}

/**
 * Sets a scalar field. When the field is already there, only its value's characters change, so the
 * rest of the text (comments, quoting, flow lists) stays byte for byte; otherwise the document is
 * printed again with the field added.
 */
function setField(
  text: string,
  docs: Document.Parsed[],
  doc: Document.Parsed,
  path: (string | number)[],
  value: string | number,
): string {
  const node = doc.getIn(path, true);
  if (isScalar(node) && node.range) {
    const [start, end] = node.range;
    return text.slice(0, start) + String(value) + text.slice(end);
  }
  doc.setIn(path, value);
  return join(docs);
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
      return {
        ok: true,
        value: setField(text, docs, doc, [...o.path, 'spec', 'replicas'], replicas),
      };
    }
  }
  return { ok: false, error: `deployments.apps "${name}" not found` };
}

/** A Lab header put in front of the text (the text itself stays as it was). */
function withLabHeader(text: string, spec: { workers?: number; cni?: CniKind }): string {
  const header =
    `# The lab: how many workers join the control plane, and the CNI they run.\n` +
    `apiVersion: ${LAB_API_VERSION}\nkind: Lab\nspec:\n` +
    `  workers: ${String(spec.workers ?? DEFAULT_LAB.workers)}\n  cni: ${spec.cni ?? DEFAULT_LAB.cni}\n`;
  if (text.trim() === '') return header;
  return `${header}---\n${text.replace(/^---[ \t]*\n/, '')}`;
}

/** Sets `spec.<field>` of the Lab header, adding the header when there is none. */
function setLabField(
  text: string,
  docs: Document.Parsed[],
  field: 'workers' | 'cni',
  value: number | CniKind,
): string {
  const lab = docs.find((d) => d.get('kind') === 'Lab');
  if (!lab) return withLabHeader(text, { [field]: value });
  return setField(text, docs, lab, ['spec', field], value);
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
  return { ok: true, value: setLabField(text, docs, 'workers', workers) };
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
  return { ok: true, value: setLabField(text, docs, 'cni', cni) };
}
