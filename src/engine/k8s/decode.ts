/**
 * Decoding JSON data into the typed shape of `api-types.ts`, rejecting wrong types the way the
 * API server's JSON decoder does. Unknown fields are dropped, `null` means "not set".
 */
import { goTypeName, type Schema } from './schema.ts';
import type { FieldPath } from './source.ts';

/** The first type error found, at the offending value. */
export interface DecodeError {
  readonly path: FieldPath;
  /** `json: cannot unmarshal …`, without the `X in version "v" cannot be handled` prefix. */
  readonly message: string;
}

export type DecodeResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: DecodeError };

class TypeMismatch extends Error {
  readonly path: FieldPath;
  constructor(message: string, path: FieldPath) {
    super(message);
    this.path = path;
  }
}

function jsonKind(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

interface Where {
  /** Short name of the innermost Go struct (`ServicePort`). */
  readonly struct: string;
  /** JSON keys from the root, without list indices (`spec.ports.port`). */
  readonly keys: readonly string[];
  readonly path: (string | number)[];
}

function mismatch(
  where: Where,
  value: unknown,
  schema: Schema,
  numberText?: boolean,
): TypeMismatch {
  const kind =
    numberText && typeof value === 'number' ? `number ${String(value)}` : jsonKind(value);
  const into =
    where.keys.length === 0
      ? 'Go value'
      : `Go struct field ${where.struct}.${where.keys.join('.')}`;
  return new TypeMismatch(
    `json: cannot unmarshal ${kind} into ${into} of type ${goTypeName(schema)}`,
    where.path,
  );
}

const INT_RANGE = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
} as const;

function decodeValue(schema: Schema, value: unknown, where: Where): unknown {
  switch (schema.t) {
    case 'any':
      return value;
    case 'string':
      if (typeof value !== 'string') throw mismatch(where, value, schema);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw mismatch(where, value, schema);
      return value;
    case 'int32':
    case 'int64': {
      if (typeof value !== 'number') throw mismatch(where, value, schema);
      const [lo, hi] = INT_RANGE[schema.t];
      if (!Number.isInteger(value) || value < lo || value > hi)
        throw mismatch(where, value, schema, true);
      return value;
    }
    case 'intOrString':
      if (typeof value === 'string') return value;
      if (
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= -2147483648 &&
        value <= 2147483647
      )
        return value;
      throw mismatch(where, value, schema, true);
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw mismatch(where, value, schema);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (v === null) continue;
        const decoded = decodeValue(schema.of, v, { ...where, path: [...where.path, k] });
        Object.defineProperty(out, k, {
          value: decoded,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) throw mismatch(where, value, schema);
      return value.map((item, i) => {
        const at = { ...where, path: [...where.path, i] };
        // Go decodes a JSON null list item into the zero value of the element type.
        return item === null ? zeroValue(schema.of) : decodeValue(schema.of, item, at);
      });
    }
    case 'struct': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw mismatch(where, value, schema);
      const out: Record<string, unknown> = {};
      const struct = schema.go.slice(schema.go.indexOf('.') + 1);
      for (const [k, v] of Object.entries(value)) {
        if (v === null || v === undefined) continue;
        const fieldSchema = Object.prototype.hasOwnProperty.call(schema.fields, k)
          ? schema.fields[k]
          : undefined;
        if (fieldSchema)
          out[k] = decodeValue(fieldSchema, v, {
            struct,
            keys: [...where.keys, k],
            path: [...where.path, k],
          });
        else if (schema.open)
          Object.defineProperty(out, k, {
            value: v,
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
      return out;
    }
  }
}

function zeroValue(schema: Schema): unknown {
  switch (schema.t) {
    case 'string':
      return '';
    case 'int32':
    case 'int64':
    case 'intOrString':
      return 0;
    case 'bool':
      return false;
    case 'struct':
    case 'map':
      return {};
    case 'list':
      return [];
    case 'any':
      return null;
  }
}

/** Decodes `value` against `schema`; on a type error, where it is and the decoder's message. */
export function decode(schema: Schema, value: unknown): DecodeResult {
  try {
    return { ok: true, value: decodeValue(schema, value, { struct: '', keys: [], path: [] }) };
  } catch (e) {
    if (e instanceof TypeMismatch)
      return { ok: false, error: { path: e.path, message: e.message } };
    throw e;
  }
}
