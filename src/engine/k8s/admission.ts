/**
 * What the API server does with each parsed object before controllers see it: decode, fill in
 * generated names, validate, and let a later definition of the same object replace an earlier one.
 */
import type { ObjectMeta } from './api-types.ts';
import type { FieldError } from './field-errors.ts';
import { createRng, generateName } from './naming.ts';
import type { ParsedObject } from './parse.ts';
import { objectPath, type Reporter } from './report.ts';
import { decodeObject, resourceKey, type AnyResource } from './resources.ts';
import { lineCol } from './source.ts';
import { fieldErrorMessage, validateResource } from './validate.ts';

function identityKey(r: AnyResource): string {
  return r.kind === 'Lab' || r.kind === 'KubeProxyConfiguration' ? r.kind : resourceKey(r);
}

function reportFieldErrors(
  r: AnyResource,
  errors: readonly FieldError[],
  reporter: Reporter,
): boolean {
  let failed = false;
  for (const e of errors) {
    if (e.severity === 'error') failed = true;
    reporter.report(
      r.source,
      e.at,
      e.severity,
      fieldErrorMessage(r, e),
      e.onKey ? { key: true } : undefined,
    );
  }
  return failed;
}

/** Gives an object created with only `metadata.generateName` its name (deterministically). */
function withGeneratedName(r: AnyResource, index: number, taken: ReadonlySet<string>): AnyResource {
  const meta = (r.object as { metadata?: ObjectMeta }).metadata;
  if (r.name || !meta?.generateName) return r;
  const rng = createRng(`${r.kind}/${r.namespace}/${meta.generateName}/${index}`);
  const name = generateName(meta.generateName, rng, taken);
  const object = { ...r.object, metadata: { ...meta, name } };
  return { ...r, name, object } as AnyResource;
}

function describeDefinition(earlier: AnyResource, later: AnyResource): string {
  if (!earlier.source) return 'earlier';
  const { line } = lineCol(earlier.source.lines, earlier.source.from);
  return earlier.source.file === later.source?.file
    ? `at line ${line}`
    : `at ${earlier.source.file}:${line}`;
}

/** Decodes and validates every object; returns the accepted ones (first position, last definition wins). */
export function admitObjects(objects: readonly ParsedObject[], reporter: Reporter): AnyResource[] {
  const accepted: AnyResource[] = [];
  const positions = new Map<string, number>();
  const names = new Set<string>();
  objects.forEach((parsed, index) => {
    try {
      const decoded = decodeObject(parsed);
      if (!decoded.ok) {
        reporter.error(parsed.source, decoded.path, decoded.message);
        return;
      }
      const r = withGeneratedName(decoded.resource, index, names);
      if (reportFieldErrors(r, validateResource(r), reporter)) return;
      const key = identityKey(r);
      names.add(r.name);
      const at = positions.get(key);
      if (at === undefined) {
        positions.set(key, accepted.length);
        accepted.push(r);
        return;
      }
      const earlier = accepted[at];
      if (earlier) {
        const what = r.name ? `${r.kind} ${JSON.stringify(r.name)}` : r.kind;
        const message = `${what} is defined more than once: this definition replaces the one ${describeDefinition(earlier, r)}, like a second kubectl apply`;
        reporter.warning(r.source, objectPath(r.source), message);
      }
      accepted[at] = r;
    } catch (e) {
      const message = `internal error while reading this ${parsed.kind}: ${e instanceof Error ? e.message : String(e)}`;
      reporter.error(parsed.source, ['kind'], message);
    }
  });
  return accepted;
}
