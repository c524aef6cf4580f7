/**
 * All EndpointSlices of the cluster: the controller's for Services with selectors, the input's
 * (kept as given unless the controller owns them), and those mirrored from legacy Endpoints.
 */
import type { EndpointSlice } from './api-types.ts';
import type { ClusterNode, ClusterPod } from './cluster-model.ts';
import {
  buildEndpointSlices,
  CONTROLLER_NAME,
  managesSlices,
  MANAGED_BY,
  SERVICE_NAME,
} from './endpointslice-controller.ts';
import { mirrorEndpoints } from './endpoints-mirroring.ts';
import { guarded, objectPath, type Reporter } from './report.ts';
import type { Resource } from './resources.ts';

export interface SliceInputs {
  readonly services: readonly Resource<'Service'>[];
  readonly slices: readonly Resource<'EndpointSlice'>[];
  readonly endpoints: readonly Resource<'Endpoints'>[];
  readonly pods: readonly ClusterPod[];
  readonly nodes: readonly ClusterNode[];
}

export function collectEndpointSlices(input: SliceInputs, reporter: Reporter): EndpointSlice[] {
  const services = new Map(input.services.map((s) => [`${s.namespace}/${s.name}`, s]));
  const taken = new Set(input.slices.map((s) => `${s.namespace}/${s.name}`));
  const out: EndpointSlice[] = [];
  for (const r of input.slices) {
    const labels = r.object.metadata?.labels ?? {};
    const serviceName = labels[SERVICE_NAME];
    const svc =
      serviceName !== undefined ? services.get(`${r.namespace}/${serviceName}`) : undefined;
    if (svc && managesSlices(svc) && labels[MANAGED_BY] === CONTROLLER_NAME) continue; // the controller rewrites its own
    if (serviceName === undefined) {
      reporter.warning(
        r.source,
        ['metadata'],
        `EndpointSlice ${JSON.stringify(r.name)} has no ${SERVICE_NAME} label: kube-proxy ignores it`,
      );
    } else if (!svc) {
      const message = `EndpointSlice ${JSON.stringify(r.name)} belongs to Service ${JSON.stringify(serviceName)}, which does not exist: kube-proxy ignores it`;
      reporter.warning(r.source, ['metadata', 'labels', SERVICE_NAME], message);
    }
    out.push({ ...r.object, metadata: { ...(r.object.metadata ?? {}), namespace: r.namespace } });
  }
  for (const svc of input.services) {
    const slices = guarded(reporter, svc.source, 'EndpointSlice controller', () =>
      buildEndpointSlices(svc, input.pods, input.nodes, taken),
    );
    out.push(...(slices ?? []));
  }
  for (const ep of input.endpoints) {
    const svc = services.get(`${ep.namespace}/${ep.name}`);
    if (!svc) {
      reporter.warning(
        ep.source,
        objectPath(ep.source),
        `Endpoints ${JSON.stringify(ep.name)} has no Service of the same name: nothing mirrors it into an EndpointSlice, so kube-proxy never sees it`,
      );
      continue;
    }
    if (managesSlices(svc)) continue; // the Service's selector wins; its Endpoints are the controller's
    out.push(
      ...(guarded(reporter, ep.source, 'EndpointSlice mirroring controller', () =>
        mirrorEndpoints(ep, taken),
      ) ?? []),
    );
  }
  return out;
}
