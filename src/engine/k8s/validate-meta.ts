/** ObjectMeta checks (ValidateObjectMeta) and address checks shared by the kind validators. */
import { canonicalIp, parseCidr, parseIp } from '../net/ip.ts';
import type { ObjectMeta } from './api-types.ts';
import { fieldWarning, invalid, required, type FieldError } from './field-errors.ts';
import type { FieldPath } from './source.ts';
import { isDns1123Label, isQualifiedName, nameErrors, validateLabels } from './validate-names.ts';

/** ValidateObjectMeta: name (with the kind's name rule), namespace, labels, annotation keys. */
export function validateObjectMeta(
  meta: ObjectMeta | undefined,
  nameCheck: (name: string) => string[],
  namespaced: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  const name = meta?.name ?? '';
  if (!name && !meta?.generateName)
    errs.push(required(['metadata', 'name'], 'name or generateName is required'));
  else if (name) errs.push(...nameErrors(['metadata', 'name'], name, nameCheck));
  if (namespaced && meta?.namespace)
    errs.push(...nameErrors(['metadata', 'namespace'], meta.namespace, isDns1123Label));
  errs.push(...validateLabels(meta?.labels, ['metadata', 'labels']));
  for (const key of Object.keys(meta?.annotations ?? {})) {
    for (const msg of isQualifiedName(key.toLowerCase())) {
      errs.push(
        invalid(['metadata', 'annotations', key], key, msg, {
          shown: 'metadata.annotations',
          onKey: true,
        }),
      );
    }
  }
  return errs;
}

const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
const CIDR_MSG = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** IsValidIP (parsed "sloppily", leading zeros allowed, as the API server does). */
export function ipErrors(at: FieldPath, value: string, options?: { shown?: string }): FieldError[] {
  return parseIp(value) ? [] : [invalid(at, value, IP_MSG, options)];
}

/** IsValidCIDR. */
export function cidrErrors(
  at: FieldPath,
  value: string,
  options?: { shown?: string },
): FieldError[] {
  return parseCidr(value) ? [] : [invalid(at, value, CIDR_MSG, options)];
}

/** KEP-4858's warning for addresses that only parse sloppily (`10.096.0.10`, `::ffff:1.2.3.4`). */
export function ipWarnings(at: FieldPath, value: string, shown?: string): FieldError[] {
  const canonical = canonicalIp(value);
  if (!canonical || canonical === value) return [];
  const ip = parseIp(value);
  const ipv4Mapped = ip?.family === 6 && value.includes('.');
  const leadingZeros =
    ip?.family === 4 && value.split('.').some((p) => p.length > 1 && p.startsWith('0'));
  if (!leadingZeros && !ipv4Mapped) return [];
  const use = ipv4Mapped ? value.slice(value.lastIndexOf(':') + 1) : canonical;
  const text = `non-standard IP address ${JSON.stringify(value)} will be considered invalid in a future Kubernetes release: use ${JSON.stringify(use)}`;
  return [fieldWarning(at, text, shown ? { shown } : undefined)];
}
