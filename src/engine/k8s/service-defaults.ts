/** The API server's defaults for a Service (SetDefaults_Service and the REST strategy). */
import type { Service, ServicePort } from './api-types.ts';
import { externallyAccessible } from './validate-service.ts';

/** sessionAffinityConfig.clientIP.timeoutSeconds when ClientIP affinity leaves it unset (3 hours). */
export const DEFAULT_CLIENT_IP_TIMEOUT = 10800;

function defaultPort(port: ServicePort): ServicePort {
  const protocol = port.protocol ?? 'TCP';
  const target =
    port.targetPort === undefined || port.targetPort === 0 || port.targetPort === ''
      ? port.port
      : port.targetPort;
  return { ...port, protocol, ...(target !== undefined ? { targetPort: target } : {}) };
}

/** Fills in type, protocols, targetPorts, affinity and traffic policies (not addresses). */
export function defaultService(svc: Service): Service {
  const spec = svc.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  const out: NonNullable<Service['spec']> = { ...spec, type };
  if (spec.ports) out.ports = spec.ports.map(defaultPort);
  out.sessionAffinity = spec.sessionAffinity ?? 'None';
  if (out.sessionAffinity === 'ClientIP') {
    out.sessionAffinityConfig = {
      clientIP: {
        timeoutSeconds:
          spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_CLIENT_IP_TIMEOUT,
      },
    };
  }
  if (type !== 'ExternalName') out.internalTrafficPolicy = spec.internalTrafficPolicy ?? 'Cluster';
  if (externallyAccessible({ ...svc, spec: out }))
    out.externalTrafficPolicy = spec.externalTrafficPolicy ?? 'Cluster';
  if (type === 'LoadBalancer')
    out.allocateLoadBalancerNodePorts = spec.allocateLoadBalancerNodePorts ?? true;
  return { ...svc, spec: out };
}
