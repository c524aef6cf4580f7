/**
 * The EndpointSlice mirroring controller: legacy `Endpoints` of a Service without a selector
 * become EndpointSlices (one per subset and address family), as kube-proxy only reads slices.
 */
import { canonicalIp, parseIp } from '../net/ip.ts';
import type { Endpoint, EndpointSlice, LegacyEndpoints } from './api-types.ts';
import { MANAGED_BY, SERVICE_NAME } from './endpointslice-controller.ts';
import { createRng, generateName } from './naming.ts';
import type { Resource } from './resources.ts';

export const MIRRORING_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';
/** Endpoints carrying this label set to "true" are not mirrored. */
export const SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';

type Address = NonNullable<NonNullable<LegacyEndpoints['subsets']>[number]['addresses']>[number];

function toEndpoint(address: Address, ready: boolean): Endpoint {
  return {
    addresses: [canonicalIp(address.ip ?? '') ?? address.ip ?? ''],
    conditions: { ready },
    ...(address.nodeName ? { nodeName: address.nodeName } : {}),
    ...(address.hostname ? { hostname: address.hostname } : {}),
    ...(address.targetRef ? { targetRef: address.targetRef } : {}),
  };
}

/** The slices mirrored from one Endpoints object; `takenNames` holds `namespace/name` of existing slices. */
export function mirrorEndpoints(
  ep: Resource<'Endpoints'>,
  takenNames: Set<string>,
): EndpointSlice[] {
  const labels = ep.object.metadata?.labels ?? {};
  if (labels[SKIP_MIRROR] === 'true') return [];
  const rng = createRng(`${ep.namespace}/${ep.name}/mirror`);
  const slices: EndpointSlice[] = [];
  for (const subset of ep.object.subsets ?? []) {
    const ports = (subset.ports ?? []).map((p) => ({
      name: p.name ?? '',
      port: p.port ?? 0,
      protocol: p.protocol ?? 'TCP',
    }));
    for (const family of [4, 6] as const) {
      const pick = (list: Address[] | undefined, ready: boolean) =>
        (list ?? [])
          .filter((a) => parseIp(a.ip ?? '')?.family === family)
          .map((a) => toEndpoint(a, ready));
      const endpoints = [...pick(subset.addresses, true), ...pick(subset.notReadyAddresses, false)];
      if (endpoints.length === 0) continue;
      const name = generateName(`${ep.name}-`, rng, {
        has: (n) => takenNames.has(`${ep.namespace}/${n}`),
      });
      takenNames.add(`${ep.namespace}/${name}`);
      slices.push({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name,
          namespace: ep.namespace,
          labels: { ...labels, [SERVICE_NAME]: ep.name, [MANAGED_BY]: MIRRORING_CONTROLLER },
        },
        addressType: family === 4 ? 'IPv4' : 'IPv6',
        endpoints,
        ports,
      });
    }
  }
  return slices;
}
