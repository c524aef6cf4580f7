/**
 * Where parsed objects and their fields sit in the user's text: field paths, spans, line/column
 * lookup, and locating a field path inside an object for a diagnostic.
 */
import type { SourceRef } from './cluster-model.ts';

/** 0-based character offsets, `to` exclusive. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** A field path as Kubernetes names it: keys and list indices, e.g. `['spec', 'ports', 0, 'port']`. */
export type FieldPath = readonly (string | number)[];

/** The text of one field: its value node and, for mapping entries, its key. */
export interface FieldSpan {
  readonly value: Span;
  readonly key?: Span;
}

/** Offsets at which each line of a file starts (line 1 starts at 0). */
export interface LineIndex {
  readonly starts: readonly number[];
}

/** A parsed object's place in its file, with the span of every field under it. */
export interface ManifestSource extends SourceRef {
  /** Spans of every field of the document, keyed by `pathKey` of the path from the document root. */
  readonly fields: ReadonlyMap<string, FieldSpan>;
  /** Path of this object inside its document (`['items', 2]` for an item of a List, `[]` otherwise). */
  readonly prefix: FieldPath;
  readonly lines: LineIndex;
}

/** Map key for a field path (numbers and strings never collide: `0` vs `'0'`). */
export function pathKey(path: FieldPath): string {
  let key = '';
  for (const part of path)
    key += typeof part === 'number' ? `[${part}]` : `.${part.replace(/[.[\\]/g, '\\$&')}`;
  return key;
}

/** Prints a path the way the API server does: `spec.ports[0].port`. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

export function indexLines(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return { starts };
}

/** 1-based line and column of a 0-based offset. */
export function lineCol(lines: LineIndex, offset: number): { line: number; col: number } {
  const starts = lines.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - (starts[lo] ?? 0) + 1 };
}

/**
 * The span to underline for `path` (relative to the object): the field's value (or its key when
 * asked and present), else the nearest enclosing field that exists, else the object itself.
 */
export function locate(src: ManifestSource, path: FieldPath, options?: { key?: boolean }): Span {
  const full = [...src.prefix, ...path];
  for (let n = full.length; n >= Math.max(1, src.prefix.length); n--) {
    const found = src.fields.get(pathKey(full.slice(0, n)));
    if (!found) continue;
    if (n === full.length && options?.key && found.key) return found.key;
    return found.value;
  }
  return { from: src.from, to: src.to };
}

/** Whether the field at `path` (relative to the object) is present in the text. */
export function hasField(src: ManifestSource, path: FieldPath): boolean {
  return src.fields.has(pathKey([...src.prefix, ...path]));
}
