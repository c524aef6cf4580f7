/**
 * Reading the user's files: multi-document YAML, JSON objects and arrays, `kind: List` and typed
 * lists, into objects that remember where every field came from. Never throws.
 */
import { parseAllDocuments, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import { classifyKind, type KindName } from './kinds.ts';
import { diagnosticAt } from './report.ts';
import {
  indexLines,
  lineCol,
  locate,
  type FieldPath,
  type FieldSpan,
  type LineIndex,
  type ManifestSource,
  type Span,
} from './source.ts';
import { documentToJson, YamlConversionError } from './yaml-tree.ts';

/** One input file as the user gave it. */
export interface ManifestFile {
  readonly name: string;
  readonly text: string;
}

/** An object of a kind podpath reads, as plain JSON data plus its place in the text. */
export interface ParsedObject {
  readonly kind: KindName;
  readonly apiVersion: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly source: ManifestSource;
}

export interface ParseResult {
  readonly objects: readonly ParsedObject[];
  readonly diagnostics: readonly Diagnostic[];
  /** True when the input cannot be used as a whole (a YAML syntax error, or too large). */
  readonly fatal: boolean;
}

/** podpath reads at most this many bytes (UTF-8) over all files. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;
/** Syntax errors reported per file at most (the first one is what kubectl shows). */
const MAX_SYNTAX_ERRORS = 20;

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

interface FileContext {
  readonly file: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly objects: ParsedObject[];
  readonly diagnostics: Diagnostic[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The span from `from` to the end of its line (for "the object starting here"). */
function firstLine(ctx: FileContext, span: Span): Span {
  const eol = ctx.text.indexOf('\n', span.from);
  const end = eol < 0 ? ctx.text.length : eol;
  return { from: span.from, to: Math.max(span.from, Math.min(span.to, end)) };
}

function syntaxSpan(ctx: FileContext, pos: readonly [number, number]): Span {
  const from = Math.min(Math.max(0, pos[0]), ctx.text.length);
  const to = Math.min(Math.max(from, pos[1]), ctx.text.length);
  return { from, to };
}

/** kubectl's wording for a YAML error (`error converting YAML to JSON: yaml: line N: …`) and where it is. */
function yamlError(ctx: FileContext, error: YAMLError): { message: string; span: Span } {
  const span = syntaxSpan(ctx, error.pos);
  const { line } = lineCol(ctx.lines, span.from);
  if (error.code === 'DUPLICATE_KEY') {
    const rest = ctx.text.slice(span.from, ctx.text.indexOf('\n', span.from) >>> 0);
    const match = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#]*?)\s*:(?:\s|$)/.exec(rest);
    const raw = match?.[1] ?? rest;
    const key = raw.trim().replace(/^(["'])(.*)\1$/s, '$2');
    return {
      message: `error converting YAML to JSON: yaml: unmarshal errors: line ${line}: key ${JSON.stringify(key)} already set in map`,
      span: { from: span.from, to: Math.max(span.to, span.from + raw.trimEnd().length) },
    };
  }
  const reason = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim();
  return { message: `error converting YAML to JSON: yaml: line ${line}: ${reason}`, span };
}

/** Checks one candidate object and keeps it when it is of a kind podpath reads. */
function collect(
  ctx: FileContext,
  value: unknown,
  prefix: FieldPath,
  fields: ReadonlyMap<string, FieldSpan>,
  root: Span,
  defaults: { kind: string; apiVersion: string } | null,
): void {
  const probe: ManifestSource = {
    file: ctx.file,
    from: root.from,
    to: root.to,
    fields,
    prefix,
    lines: ctx.lines,
  };
  const span = prefix.length === 0 ? root : locate(probe, []);
  const source: ManifestSource = { ...probe, from: span.from, to: span.to };
  const fail = (at: Span, message: string) =>
    ctx.diagnostics.push(diagnosticAt(ctx.file, ctx.lines, at, 'error', message));

  if (Array.isArray(value)) {
    value.forEach((item, i) => collect(ctx, item, [...prefix, i], fields, root, defaults));
    return;
  }
  if (!isRecord(value)) {
    fail(firstLine(ctx, span), 'error validating data: invalid object to validate');
    return;
  }
  const apiVersion = value['apiVersion'] ?? defaults?.apiVersion;
  const kind = value['kind'] ?? defaults?.kind;
  const problems: string[] = [];
  let at: Span = firstLine(ctx, span);
  if (apiVersion === undefined || apiVersion === null || apiVersion === '')
    problems.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') {
    problems.push("apiVersion isn't string type");
    at = locate(source, ['apiVersion']);
  }
  if (kind === undefined || kind === null || kind === '') problems.push('kind not set');
  else if (typeof kind !== 'string') {
    problems.push("kind isn't string type");
    at = locate(source, ['kind']);
  }
  if (problems.length > 0 || typeof kind !== 'string' || typeof apiVersion !== 'string') {
    fail(
      at,
      `error validating data: ${problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`}`,
    );
    return;
  }
  if (kind.endsWith('List') && ('items' in value || kind === 'List')) {
    const items = value['items'];
    if (items === undefined || items === null) return;
    if (!Array.isArray(items)) {
      fail(locate(source, ['items']), 'error validating data: invalid object to validate');
      return;
    }
    const itemDefaults =
      kind === 'List' ? null : { kind: kind.slice(0, -'List'.length), apiVersion };
    items.forEach((item, i) =>
      collect(ctx, item, [...prefix, 'items', i], fields, root, itemDefaults),
    );
    return;
  }
  const verdict = classifyKind(kind, apiVersion);
  if (!verdict.use) {
    const kindAt = 'kind' in value ? locate(source, ['kind']) : firstLine(ctx, span);
    ctx.diagnostics.push(diagnosticAt(ctx.file, ctx.lines, kindAt, 'warning', verdict.message));
    return;
  }
  const data = defaults ? { ...value, kind, apiVersion } : value;
  ctx.objects.push({ kind: verdict.kind, apiVersion, data, source });
}

function readDocument(ctx: FileContext, doc: Document.Parsed): void {
  const contents = doc.contents;
  if (contents === null || contents === undefined) return;
  const range = contents.range;
  const root: Span = { from: range[0], to: Math.max(range[0], range[1]) };
  let converted: ReturnType<typeof documentToJson>;
  try {
    converted = documentToJson(doc);
  } catch (e) {
    const span = e instanceof YamlConversionError ? e.span : root;
    const reason =
      e instanceof YamlConversionError
        ? e.message
        : `yaml: ${String(e instanceof Error ? e.message : e)}`;
    ctx.diagnostics.push(
      diagnosticAt(ctx.file, ctx.lines, span, 'error', `error converting YAML to JSON: ${reason}`),
    );
    return;
  }
  if (converted.value === null) return; // an empty document (comments only), as kubectl skips it
  collect(ctx, converted.value, [], converted.fields, root, null);
}

/** Reads one file; returns true when it had a YAML syntax error. */
function readFile(ctx: FileContext): boolean {
  const docs = parseAllDocuments(ctx.text, {
    version: '1.1',
    prettyErrors: false,
    uniqueKeys: true,
  });
  let syntaxErrors = 0;
  for (const doc of docs) {
    for (const error of doc.errors) {
      if (syntaxErrors++ >= MAX_SYNTAX_ERRORS) break;
      const { message, span } = yamlError(ctx, error);
      ctx.diagnostics.push(diagnosticAt(ctx.file, ctx.lines, span, 'error', message));
    }
    for (const warning of doc.warnings) {
      const { line } = lineCol(ctx.lines, warning.pos[0]);
      const reason = warning.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim();
      ctx.diagnostics.push(
        diagnosticAt(
          ctx.file,
          ctx.lines,
          syntaxSpan(ctx, warning.pos),
          'warning',
          `yaml: line ${line}: ${reason}`,
        ),
      );
    }
    if (doc.errors.length === 0) readDocument(ctx, doc);
  }
  return syntaxErrors > 0;
}

/** Parses every file into objects with source ranges, plus diagnostics. Never throws. */
export function parseManifests(files: readonly ManifestFile[]): ParseResult {
  const objects: ParsedObject[] = [];
  const diagnostics: Diagnostic[] = [];
  let fatal = false;
  let total = 0;
  const list = Array.isArray(files) ? files : [];
  for (const f of list) {
    const name = typeof f?.name === 'string' ? f.name : '-';
    const text = typeof f?.text === 'string' ? f.text : '';
    total += utf8Length(text);
    if (total > MAX_INPUT_BYTES) {
      const mb = (total / (1024 * 1024)).toFixed(1);
      const message = `the input is too large: over ${mb} MB (podpath reads at most 5 MB)`;
      return {
        objects: [],
        diagnostics: [{ severity: 'error', message, file: name, line: 1, col: 1, from: 0, to: 0 }],
        fatal: true,
      };
    }
  }
  for (const f of list) {
    const file = typeof f?.name === 'string' ? f.name : '-';
    const text = typeof f?.text === 'string' ? f.text : '';
    const ctx: FileContext = { file, text, lines: indexLines(text), objects, diagnostics };
    try {
      if (readFile(ctx)) fatal = true;
    } catch (e) {
      fatal = true;
      const message = `error converting YAML to JSON: yaml: ${String(e instanceof Error ? e.message : e)}`;
      diagnostics.push(diagnosticAt(file, ctx.lines, { from: 0, to: 0 }, 'error', message));
    }
  }
  return { objects, diagnostics, fatal };
}
