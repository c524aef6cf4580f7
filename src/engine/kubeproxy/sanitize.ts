/**
 * kube-proxy's inputs may come straight from pasted JSON (conformance cases, real clusters):
 * these functions keep only well-typed fields, so rule generation can trust its input shapes.
 */
import type {
  Endpoint,
  EndpointSlice,
  EndpointSlicePort,
  Service,
  ServicePort,
} from '../k8s/api-types.ts';

type Obj = Record<string, unknown>;
const EMPTY: Obj = {};
const obj = (x: unknown): Obj =>
  x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : EMPTY;
const arr = (x: unknown): readonly unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const num = (x: unknown): number | undefined =>
  typeof x === 'number' && Number.isFinite(x) ? x : undefined;
const bool = (x: unknown): boolean | undefined => (typeof x === 'boolean' ? x : undefined);
const isString = (s: unknown): s is string => typeof s === 'string';
/** The array itself when every element is a string (the usual case), else its strings. */
const strings = (x: unknown): string[] =>
  Array.isArray(x) ? (x.every(isString) ? (x as string[]) : x.filter(isString)) : [];
function strMap(x: unknown): Record<string, string> {
  const o = obj(x);
  for (const k in o) {
    if (typeof o[k] !== 'string') {
      const out: Record<string, string> = {};
      for (const [key, v] of Object.entries(o)) if (typeof v === 'string') out[key] = v;
      return out;
    }
  }
  return o as Record<string, string>;
}

function metadata(x: unknown) {
  const m = obj(x);
  return { name: str(m['name']), namespace: str(m['namespace']), labels: strMap(m['labels']) };
}

function servicePort(x: unknown): ServicePort {
  const p = obj(x);
  return {
    name: str(p['name']),
    protocol: str(p['protocol']),
    port: num(p['port']),
    nodePort: num(p['nodePort']),
  };
}

export function sanitizeService(x: unknown): Service {
  const s = obj(x);
  const spec = obj(s['spec']);
  const affinity = obj(obj(spec['sessionAffinityConfig'])['clientIP']);
  const ingress = arr(obj(obj(s['status'])['loadBalancer'])['ingress']).map((i) => {
    const o = obj(i);
    return { ip: str(o['ip']), ipMode: str(o['ipMode']) };
  });
  return {
    metadata: metadata(s['metadata']),
    spec: {
      type: str(spec['type']),
      clusterIP: str(spec['clusterIP']),
      clusterIPs: strings(spec['clusterIPs']),
      ipFamilies: strings(spec['ipFamilies']),
      ports: arr(spec['ports']).map(servicePort),
      externalIPs: strings(spec['externalIPs']),
      externalTrafficPolicy: str(spec['externalTrafficPolicy']),
      internalTrafficPolicy: str(spec['internalTrafficPolicy']),
      healthCheckNodePort: num(spec['healthCheckNodePort']),
      loadBalancerSourceRanges: strings(spec['loadBalancerSourceRanges']),
      sessionAffinity: str(spec['sessionAffinity']),
      sessionAffinityConfig: { clientIP: { timeoutSeconds: num(affinity['timeoutSeconds']) } },
    },
    status: { loadBalancer: { ingress } },
  };
}

const named = (h: unknown) => {
  const out: { name: string }[] = [];
  for (const z of arr(h)) {
    const name = str(obj(z)['name']);
    if (name !== undefined) out.push({ name });
  }
  return out;
};

const isBoolOrUndefined = (x: unknown) => x === undefined || typeof x === 'boolean';

/**
 * An endpoint that needs no cleaning: every field rule generation reads already has its type
 * (what compiled clusters and the benchmarks hold; an EndpointSlice has one per Pod, so copying
 * them all on every sync is the bulk of this file's work). Hints take the general path.
 */
function isWellTyped(e: Obj): boolean {
  const addresses = e['addresses'];
  if (!Array.isArray(addresses) || !addresses.every(isString)) return false;
  if (!(e['nodeName'] === undefined || typeof e['nodeName'] === 'string')) return false;
  if (e['hints'] !== undefined) return false;
  const c = e['conditions'];
  if (c === undefined) return true;
  if (c === null || typeof c !== 'object' || Array.isArray(c)) return false;
  const conditions = c as Obj;
  return (
    isBoolOrUndefined(conditions['ready']) &&
    isBoolOrUndefined(conditions['serving']) &&
    isBoolOrUndefined(conditions['terminating'])
  );
}

function endpoint(x: unknown): Endpoint {
  const e = obj(x);
  if (isWellTyped(e)) return e as Endpoint;
  const c = obj(e['conditions']);
  const hints = e['hints'] === undefined ? EMPTY : obj(e['hints']);
  return {
    addresses: strings(e['addresses']),
    conditions: {
      ready: bool(c['ready']),
      serving: bool(c['serving']),
      terminating: bool(c['terminating']),
    },
    nodeName: str(e['nodeName']),
    hints: { forZones: named(hints['forZones']), forNodes: named(hints['forNodes']) },
  };
}

function slicePort(x: unknown): EndpointSlicePort {
  const p = obj(x);
  const name = p['name'] === null ? null : str(p['name']);
  return { name, port: num(p['port']), protocol: str(p['protocol']) };
}

export function sanitizeEndpointSlice(x: unknown): EndpointSlice {
  const s = obj(x);
  return {
    metadata: metadata(s['metadata']),
    addressType: str(s['addressType']),
    endpoints: arr(s['endpoints']).map(endpoint),
    ports: arr(s['ports']).map(slicePort),
  };
}
