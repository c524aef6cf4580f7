/** Which checks each kind gets, and how their errors read (`The Service "web" is invalid: …`). */
import type { FieldError } from './field-errors.ts';
import { validateKubeProxyConfiguration } from './kube-proxy-config.ts';
import { validateLab } from './lab.ts';
import type { AnyResource } from './resources.ts';
import {
  validateEndpoints,
  validateEndpointSlice,
  validateNode,
} from './validate-network-objects.ts';
import { validateService } from './validate-service.ts';
import { validateDaemonSet, validateDeployment, validatePod } from './validate-workloads.ts';

/** All static checks of one object (before anything is allocated). */
export function validateResource(r: AnyResource): FieldError[] {
  switch (r.kind) {
    case 'Service':
      return validateService(r.object);
    case 'Deployment':
    case 'ReplicaSet':
      return validateDeployment(r.object);
    case 'DaemonSet':
      return validateDaemonSet(r.object);
    case 'Pod':
      return validatePod(r.object);
    case 'Node':
      return validateNode(r.object);
    case 'EndpointSlice':
      return validateEndpointSlice(r.object);
    case 'Endpoints':
      return validateEndpoints(r.object);
    case 'KubeProxyConfiguration':
      return validateKubeProxyConfiguration(r.object);
    case 'Lab':
      return validateLab(r.object);
  }
}

/** The message shown for a field error of `r`: the API server's `The <Kind> "<name>" is invalid: …` for errors. */
export function fieldErrorMessage(
  r: { readonly kind: string; readonly name: string },
  e: FieldError,
): string {
  if (e.severity === 'warning') return e.message;
  if (r.kind === 'KubeProxyConfiguration')
    return `kube-proxy would refuse this configuration: ${e.message}`;
  if (!r.name && r.kind === 'Lab') return `The Lab is invalid: ${e.message}`;
  return `The ${r.kind} ${JSON.stringify(r.name)} is invalid: ${e.message}`;
}
