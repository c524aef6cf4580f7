/**
 * Turns a parsed YAML document into plain JSON data, the way kubectl's YAML-to-JSON step does
 * (YAML 1.1 scalars, merge keys, aliases), recording the span of every field on the way.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import { pathKey, type FieldSpan, type Span } from './source.ts';

/** Raised when a document cannot be turned into JSON (alias bombs, absurd nesting). */
export class YamlConversionError extends Error {
  /** Where the problem was found. */
  readonly span: Span;
  constructor(message: string, span: Span) {
    super(message);
    this.span = span;
  }
}

/** At most this many nodes are converted per document, aliases included. */
const MAX_NODES = 2_000_000;
/** At most this many nodes are reached through aliases (go-yaml refuses alias bombs likewise). */
const MAX_ALIASED_NODES = 200_000;
const MAX_DEPTH = 1000;

interface Walk {
  readonly doc: Document.Parsed;
  readonly fields: Map<string, FieldSpan>;
  nodes: number;
  aliased: number;
}

function spanOf(node: YamlNode | null | undefined): Span | null {
  const range = node?.range;
  if (!range) return null;
  return { from: range[0], to: Math.max(range[0], range[1]) };
}

function scalarToJson(node: YamlNode): unknown {
  if (!isScalar(node)) return null;
  const value: unknown = node.value;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  // Timestamps, binary and other tagged values reach the API as their text.
  return typeof node.source === 'string' ? node.source : String(value);
}

function keyToString(key: unknown): string {
  if (isScalar(key)) {
    const v: unknown = key.value;
    if (typeof v === 'string') return v;
    if (v === null) return 'null';
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
    return typeof key.source === 'string' ? key.source : String(v);
  }
  if (isAlias(key)) return key.source;
  return String(key);
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol';
}

function convert(
  w: Walk,
  node: unknown,
  path: (string | number)[],
  record: boolean,
  depth: number,
): unknown {
  if (++w.nodes > MAX_NODES || (!record && ++w.aliased > MAX_ALIASED_NODES)) {
    throw new YamlConversionError(
      'yaml: document contains excessive aliasing',
      spanOf(node as YamlNode) ?? { from: 0, to: 0 },
    );
  }
  if (depth > MAX_DEPTH) {
    throw new YamlConversionError(
      `yaml: exceeded max depth of ${MAX_DEPTH}`,
      spanOf(node as YamlNode) ?? { from: 0, to: 0 },
    );
  }
  if (isAlias(node)) {
    const target = node.resolve(w.doc);
    if (target === undefined) {
      throw new YamlConversionError(
        `yaml: unknown anchor '${node.source}' referenced`,
        spanOf(node) ?? { from: 0, to: 0 },
      );
    }
    // Fields reached through an alias are not recorded: the alias itself is their place in the text.
    return convert(w, target, path, false, depth + 1);
  }
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    const merged: unknown[] = [];
    for (const pair of node.items) {
      if (isMergeKey(pair.key)) {
        merged.push(pair.value);
        continue;
      }
      const key = keyToString(pair.key);
      const childPath = [...path, key];
      if (record) {
        const value = spanOf(pair.value as YamlNode) ?? spanOf(pair.key as YamlNode);
        const keySpan = spanOf(pair.key as YamlNode);
        if (value) w.fields.set(pathKey(childPath), keySpan ? { value, key: keySpan } : { value });
      }
      Object.defineProperty(out, key, {
        value: pair.value == null ? null : convert(w, pair.value, childPath, record, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    // Merge keys (`<<: *base`): entries the mapping does not set itself come from the merged maps.
    for (const source of merged) {
      const sources = isSeq(source) ? source.items : [source];
      for (const s of sources) {
        const value = convert(w, s, path, false, depth + 1);
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          for (const [k, v] of Object.entries(value)) {
            if (!Object.prototype.hasOwnProperty.call(out, k)) {
              Object.defineProperty(out, k, {
                value: v,
                enumerable: true,
                writable: true,
                configurable: true,
              });
            }
          }
        }
      }
    }
    return out;
  }
  if (isSeq(node)) {
    return node.items.map((item, i) => {
      const childPath = [...path, i];
      if (record) {
        const value = spanOf(item as YamlNode);
        if (value) w.fields.set(pathKey(childPath), { value });
      }
      return item == null ? null : convert(w, item, childPath, record, depth + 1);
    });
  }
  return scalarToJson(node as YamlNode);
}

/** JSON value of a document's contents, with the span of every field by `pathKey`. */
export function documentToJson(doc: Document.Parsed): {
  value: unknown;
  fields: Map<string, FieldSpan>;
} {
  const w: Walk = { doc, fields: new Map(), nodes: 0, aliased: 0 };
  const value = doc.contents == null ? null : convert(w, doc.contents, [], true, 0);
  return { value, fields: w.fields };
}
