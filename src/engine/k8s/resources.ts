/** Typed objects after decoding: kind, identity (namespace/name), the object, and where it came from. */
import type {
  DaemonSet,
  Deployment,
  EndpointSlice,
  KubeProxyConfiguration,
  Lab,
  LegacyEndpoints,
  Node,
  Pod,
  ReplicaSet,
  Service,
} from './api-types.ts';
import { decode } from './decode.ts';
import { isNamespaced, type KindName } from './kinds.ts';
import type { ParsedObject } from './parse.ts';
import { KIND_SCHEMAS } from './schema.ts';
import type { FieldPath, ManifestSource } from './source.ts';

/** The typed object of each kind. */
export interface KindObjects {
  Service: Service;
  EndpointSlice: EndpointSlice;
  Endpoints: LegacyEndpoints;
  Pod: Pod;
  Deployment: Deployment;
  ReplicaSet: ReplicaSet;
  DaemonSet: DaemonSet;
  Node: Node;
  KubeProxyConfiguration: KubeProxyConfiguration;
  Lab: Lab;
}

export interface Resource<K extends KindName = KindName> {
  readonly kind: K;
  /** `default` when unset; empty for cluster-scoped kinds. */
  readonly namespace: string;
  /** metadata.name (may be empty: validation reports it). */
  readonly name: string;
  readonly object: KindObjects[K];
  /** null for objects podpath itself adds (kubeadm's system objects). */
  readonly source: ManifestSource | null;
}

/** A resource of any kind, narrowable by `kind`. */
export type AnyResource = { [K in KindName]: Resource<K> }[KindName];

/** `namespace/name` (or `name` for cluster-scoped objects). */
export function resourceKey(r: {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}): string {
  return `${r.kind}/${r.namespace}/${r.name}`;
}

/** Builds a resource from a typed object (tests, system objects). */
export function makeResource<K extends KindName>(
  kind: K,
  object: KindObjects[K],
  source: ManifestSource | null = null,
): Resource<K> {
  const meta = (object as { metadata?: { name?: string; namespace?: string } }).metadata;
  const namespace = isNamespaced(kind) ? meta?.namespace || 'default' : '';
  return { kind, namespace, name: meta?.name ?? '', object, source };
}

export type DecodeOutcome =
  | { readonly ok: true; readonly resource: AnyResource }
  | { readonly ok: false; readonly path: FieldPath; readonly message: string };

/** Decodes a parsed object into its typed shape, or the API server's "cannot be handled" error. */
export function decodeObject(parsed: ParsedObject): DecodeOutcome {
  const result = decode(KIND_SCHEMAS[parsed.kind], parsed.data);
  if (!result.ok) {
    const version = parsed.apiVersion.slice(parsed.apiVersion.indexOf('/') + 1);
    const message = `${parsed.kind} in version ${JSON.stringify(version)} cannot be handled as a ${parsed.kind}: ${result.error.message}`;
    return { ok: false, path: result.error.path, message };
  }
  const object = result.value as KindObjects[typeof parsed.kind];
  return { ok: true, resource: makeResource(parsed.kind, object, parsed.source) as AnyResource };
}
