/**
 * The API server's field errors (k8s.io/apimachinery/pkg/util/validation/field): `Invalid value`,
 * `Required value`, `Unsupported value`, `Duplicate value`, `Forbidden`, printed its way.
 */
import { formatFieldPath, type FieldPath } from './source.ts';

/** One problem with one field; `at` is where it is in the text, `message` what the API server prints. */
export interface FieldError {
  readonly at: FieldPath;
  readonly message: string;
  /** Warnings are API-server warnings (the object is still accepted). */
  readonly severity: 'error' | 'warning';
  /** Underline the field's key rather than its value (label keys). */
  readonly onKey?: boolean;
}

/** Go's %#v for the values validation prints. */
export function goValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string'))
      return `[]string{${value.map((v) => JSON.stringify(v)).join(', ')}}`;
    return `[]interface {}{${value.map(goValue).join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** Go's %#v of a map[string]string (keys sorted, `map[string]string(nil)` when absent). */
export function goStringMap(map: Readonly<Record<string, string>> | undefined): string {
  if (!map) return 'map[string]string(nil)';
  const keys = Object.keys(map).sort();
  return `map[string]string{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(map[k])}`).join(', ')}}`;
}

interface Options {
  /** The path printed in the message when it differs from where the error is shown. */
  readonly shown?: string;
  readonly onKey?: boolean;
}

function make(
  at: FieldPath,
  text: string,
  options?: Options,
  severity: 'error' | 'warning' = 'error',
): FieldError {
  const field = options?.shown ?? formatFieldPath(at);
  return { at, message: `${field}: ${text}`, severity, ...(options?.onKey ? { onKey: true } : {}) };
}

/** `<field>: Invalid value: <value>: <detail>`; `value` is printed with `goValue` unless already text. */
export function invalid(
  at: FieldPath,
  value: unknown,
  detail: string,
  options?: Options & { printed?: string },
): FieldError {
  return make(at, `Invalid value: ${options?.printed ?? goValue(value)}: ${detail}`, options);
}

/** `<field>: Required value` (with `: detail` when given). */
export function required(at: FieldPath, detail = '', options?: Options): FieldError {
  return make(at, detail ? `Required value: ${detail}` : 'Required value', options);
}

/** `<field>: Unsupported value: "x": supported values: "a", "b"`. */
export function notSupported(
  at: FieldPath,
  value: unknown,
  supported: readonly string[],
  options?: Options,
): FieldError {
  const list = supported.map((s) => JSON.stringify(s)).join(', ');
  return make(at, `Unsupported value: ${goValue(value)}: supported values: ${list}`, options);
}

/** `<field>: Duplicate value: <value>`. */
export function duplicate(
  at: FieldPath,
  value: unknown,
  options?: Options & { printed?: string },
): FieldError {
  return make(at, `Duplicate value: ${options?.printed ?? goValue(value)}`, options);
}

/** `<field>: Forbidden: <detail>`. */
export function forbidden(at: FieldPath, detail: string, options?: Options): FieldError {
  return make(at, `Forbidden: ${detail}`, options);
}

/** `<field>: Too many: <n>: must have at most <max> items`. */
export function tooMany(at: FieldPath, actual: number, max: number, options?: Options): FieldError {
  return make(at, `Too many: ${actual}: must have at most ${max} items`, options);
}

/** An API-server warning about a field (printed by kubectl as `Warning: …`). */
export function fieldWarning(at: FieldPath, text: string, options?: Options): FieldError {
  return make(at, text, options, 'warning');
}
