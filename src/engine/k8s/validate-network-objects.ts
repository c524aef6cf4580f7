/** Node, EndpointSlice and (legacy) Endpoints checks (ValidateNode, ValidateEndpointSlice, ValidateEndpoints). */
import { parseIp } from '../net/ip.ts';
import type { EndpointSlice, LegacyEndpoints, Node } from './api-types.ts';
import {
  duplicate,
  invalid,
  notSupported,
  required,
  tooMany,
  type FieldError,
} from './field-errors.ts';
import type { FieldPath } from './source.ts';
import {
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  isValidPortNum,
  nameErrors,
} from './validate-names.ts';
import { cidrErrors, ipErrors, ipWarnings, validateObjectMeta } from './validate-meta.ts';
import { PROTOCOLS, TAINT_EFFECTS } from './validate-pod-spec.ts';

/** ValidateNode, plus what podpath needs to place the node: an InternalIP (or ExternalIP). */
export function validateNode(node: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata, isDns1123Subdomain, false);
  const spec = node.spec ?? {};
  (spec.taints ?? []).forEach((taint, i) => {
    const at: FieldPath = ['spec', 'taints', i];
    errs.push(...nameErrors([...at, 'key'], taint.key ?? '', isQualifiedName));
    if (!taint.effect) errs.push(required([...at, 'effect']));
    else if (!(TAINT_EFFECTS as readonly string[]).includes(taint.effect))
      errs.push(notSupported([...at, 'effect'], taint.effect, TAINT_EFFECTS));
  });
  if (spec.podCIDR) errs.push(...cidrErrors(['spec', 'podCIDR'], spec.podCIDR));
  (spec.podCIDRs ?? []).forEach((cidr, i) =>
    errs.push(...cidrErrors(['spec', 'podCIDRs', i], cidr)),
  );
  const addresses = node.status?.addresses ?? [];
  addresses.forEach((a, i) => {
    if (a.type === 'InternalIP' || a.type === 'ExternalIP')
      errs.push(...ipErrors(['status', 'addresses', i, 'address'], a.address ?? ''));
  });
  if (
    !addresses.some(
      (a) => (a.type === 'InternalIP' || a.type === 'ExternalIP') && parseIp(a.address ?? ''),
    )
  ) {
    errs.push(
      required(
        ['status', 'addresses'],
        "podpath needs the node's InternalIP (status.addresses[].type: InternalIP) to place it on the network",
      ),
    );
  }
  return errs;
}

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

/** ValidateEndpointSlice. */
export function validateEndpointSlice(slice: EndpointSlice): FieldError[] {
  const errs = validateObjectMeta(slice.metadata, isDns1123Subdomain, true);
  const type = slice.addressType ?? '';
  if (!type) errs.push(required(['addressType']));
  else if (!ADDRESS_TYPES.includes(type))
    errs.push(notSupported(['addressType'], type, ADDRESS_TYPES));
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length > 1000) errs.push(tooMany(['endpoints'], endpoints.length, 1000));
  endpoints.forEach((ep, i) => {
    const at: FieldPath = ['endpoints', i];
    const addresses = ep.addresses ?? [];
    if (addresses.length === 0)
      errs.push(required([...at, 'addresses'], 'must contain at least 1 address'));
    else if (addresses.length > 100)
      errs.push(tooMany([...at, 'addresses'], addresses.length, 100));
    addresses.forEach((address, j) => {
      const a: FieldPath = [...at, 'addresses', j];
      const ip = parseIp(address);
      if (type === 'IPv4' && ip?.family !== 4)
        errs.push(invalid(a, address, 'must be a valid IPv4 address'));
      else if (type === 'IPv6' && ip?.family !== 6)
        errs.push(invalid(a, address, 'must be a valid IPv6 address'));
      else if (type === 'FQDN') errs.push(...nameErrors(a, address, isDns1123Subdomain));
      else errs.push(...ipWarnings(a, address));
    });
    if (ep.nodeName) errs.push(...nameErrors([...at, 'nodeName'], ep.nodeName, isDns1123Subdomain));
  });
  const ports = slice.ports ?? [];
  if (ports.length > 100) errs.push(tooMany(['ports'], ports.length, 100));
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const at: FieldPath = ['ports', i];
    const name = port.name ?? '';
    if (name) errs.push(...nameErrors([...at, 'name'], name, isDns1123Label));
    if (names.has(name)) errs.push(duplicate([...at, 'name'], name));
    names.add(name);
    if (port.port !== undefined && port.port !== null) {
      for (const msg of isValidPortNum(port.port))
        errs.push(invalid([...at, 'port'], port.port, msg));
    }
    if (port.protocol !== undefined && !(PROTOCOLS as readonly string[]).includes(port.protocol)) {
      errs.push(notSupported([...at, 'protocol'], port.protocol, PROTOCOLS));
    }
  });
  return errs;
}

/** ValidateEndpoints (core/v1). */
export function validateEndpoints(ep: LegacyEndpoints): FieldError[] {
  const errs = validateObjectMeta(ep.metadata, isDns1123Subdomain, true);
  (ep.subsets ?? []).forEach((subset, i) => {
    const at: FieldPath = ['subsets', i];
    for (const key of ['addresses', 'notReadyAddresses'] as const) {
      (subset[key] ?? []).forEach((a, j) =>
        errs.push(...ipErrors([...at, key, j, 'ip'], a.ip ?? '')),
      );
    }
    const ports = subset.ports ?? [];
    const names = new Set<string>();
    ports.forEach((port, j) => {
      const p: FieldPath = [...at, 'ports', j];
      if (ports.length > 1 && !port.name) errs.push(required([...p, 'name']));
      else if (port.name) {
        errs.push(...nameErrors([...p, 'name'], port.name, isDns1123Label));
        if (names.has(port.name)) errs.push(duplicate([...p, 'name'], port.name));
        names.add(port.name);
      }
      for (const msg of isValidPortNum(port.port ?? 0))
        errs.push(invalid([...p, 'port'], port.port ?? 0, msg));
      const protocol = port.protocol ?? 'TCP';
      if (!(PROTOCOLS as readonly string[]).includes(protocol))
        errs.push(notSupported([...p, 'protocol'], protocol, PROTOCOLS));
    });
  });
  return errs;
}
