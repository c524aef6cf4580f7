/**
 * Service checks before allocation (ValidateService): name, type, ClusterIP syntax, ports,
 * traffic policies, session affinity, external IPs. Allocation errors live in service-allocator.ts.
 */
import { parseCidr, parseIp } from '../net/ip.ts';
import type { Service, ServicePort } from './api-types.ts';
import {
  duplicate,
  forbidden,
  invalid,
  notSupported,
  required,
  type FieldError,
} from './field-errors.ts';
import type { FieldPath } from './source.ts';
import { PROTOCOLS } from './validate-pod-spec.ts';
import { ipErrors, ipWarnings, validateObjectMeta } from './validate-meta.ts';
import {
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isValidPortName,
  isValidPortNum,
  nameErrors,
  validateLabels,
} from './validate-names.ts';

export const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] as const;

/** Where the Service's first cluster IP is written: `spec.clusterIP`, else `spec.clusterIPs[0]`. */
export function clusterIPPath(svc: Service): FieldPath {
  return svc.spec?.clusterIP ? ['spec', 'clusterIP'] : ['spec', 'clusterIPs', 0];
}

/** The first cluster IP as given (`clusterIP`, else `clusterIPs[0]`), '' when unset. */
export function givenClusterIP(svc: Service): string {
  return svc.spec?.clusterIP || svc.spec?.clusterIPs?.[0] || '';
}

/** Type-level "externally accessible": NodePort, LoadBalancer, or ClusterIP with externalIPs. */
export function externallyAccessible(svc: Service): boolean {
  const type = svc.spec?.type ?? 'ClusterIP';
  return (
    type === 'NodePort' ||
    type === 'LoadBalancer' ||
    (type === 'ClusterIP' && (svc.spec?.externalIPs ?? []).length > 0)
  );
}

function printServicePortKey(port: ServicePort): string {
  const protocol = port.protocol ?? 'TCP';
  return `core.ServicePort{Name:"", Protocol:${JSON.stringify(protocol)}, AppProtocol:(*string)(nil), Port:${port.port ?? 0}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

function validatePorts(svc: Service, type: string): FieldError[] {
  const errs: FieldError[] = [];
  const ports = svc.spec?.ports ?? [];
  const headless = svc.spec?.clusterIP === 'None';
  if (ports.length === 0 && !headless && type !== 'ExternalName')
    errs.push(required(['spec', 'ports']));
  const names = new Set<string>();
  const keys = new Set<string>();
  const nodePorts = new Set<string>();
  ports.forEach((port, i) => {
    const at: FieldPath = ['spec', 'ports', i];
    if (ports.length > 1 && !port.name) errs.push(required([...at, 'name']));
    else if (port.name) {
      errs.push(...nameErrors([...at, 'name'], port.name, isDns1123Label));
      if (names.has(port.name)) errs.push(duplicate([...at, 'name'], port.name));
      names.add(port.name);
    }
    for (const msg of isValidPortNum(port.port ?? 0))
      errs.push(invalid([...at, 'port'], port.port ?? 0, msg));
    const protocol = port.protocol ?? 'TCP';
    if (!(PROTOCOLS as readonly string[]).includes(protocol))
      errs.push(notSupported([...at, 'protocol'], protocol, PROTOCOLS));
    const target = port.targetPort;
    if (typeof target === 'string')
      errs.push(...nameErrors([...at, 'targetPort'], target, isValidPortName));
    else if (target !== undefined && target !== 0) {
      for (const msg of isValidPortNum(target))
        errs.push(invalid([...at, 'targetPort'], target, msg));
    }
    const key = `${protocol}/${port.port ?? 0}`;
    if (keys.has(key)) errs.push(duplicate(at, port, { printed: printServicePortKey(port) }));
    keys.add(key);
    if (port.nodePort) {
      if (type === 'ClusterIP')
        errs.push(forbidden([...at, 'nodePort'], "may not be used when `type` is 'ClusterIP'"));
      const npKey = `${protocol}/${port.nodePort}`;
      if (nodePorts.has(npKey)) errs.push(duplicate([...at, 'nodePort'], port.nodePort));
      nodePorts.add(npKey);
    }
  });
  return errs;
}

function validateClusterIPs(svc: Service, type: string): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec ?? {};
  const ip = givenClusterIP(svc);
  const at = clusterIPPath(svc);
  const ips = spec.clusterIPs ?? [];
  if (spec.clusterIP && ips.length > 0 && ips[0] !== spec.clusterIP) {
    errs.push(invalid(['spec', 'clusterIPs'], ips, 'first value must match `clusterIP`'));
  }
  if (type === 'ExternalName') {
    if (ip)
      errs.push(
        forbidden(at, 'may not be set for ExternalName services', { shown: 'spec.clusterIPs' }),
      );
    return errs;
  }
  if (ip === 'None') {
    if (type === 'NodePort' || type === 'LoadBalancer') {
      errs.push(
        invalid(at, ip, `may not be set to 'None' for ${type} services`, {
          shown: 'spec.clusterIPs[0]',
        }),
      );
    }
    return errs;
  }
  if (ip) {
    const ipErrs = ipErrors(at, ip, { shown: 'spec.clusterIPs[0]' });
    errs.push(...ipErrs);
    if (ipErrs.length === 0) errs.push(...ipWarnings(at, ip, 'spec.clusterIPs[0]'));
  }
  if (ips.length > 1)
    errs.push(
      invalid(
        ['spec', 'clusterIPs'],
        ips,
        'this cluster is not configured for dual-stack services',
      ),
    );
  return errs;
}

function validateFamilies(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec ?? {};
  (spec.ipFamilies ?? []).forEach((family, i) => {
    if (family !== 'IPv4' && family !== 'IPv6')
      errs.push(notSupported(['spec', 'ipFamilies', i], family, ['IPv4', 'IPv6']));
    else if (family === 'IPv6')
      errs.push(invalid(['spec', 'ipFamilies', i], family, 'not configured on this cluster'));
  });
  const policy = spec.ipFamilyPolicy;
  if (policy !== undefined) {
    const policies = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
    if (!policies.includes(policy))
      errs.push(notSupported(['spec', 'ipFamilyPolicy'], policy, policies));
    else if (policy === 'RequireDualStack') {
      errs.push(
        invalid(
          ['spec', 'ipFamilyPolicy'],
          policy,
          'this cluster is not configured for dual-stack services',
        ),
      );
    }
  }
  const ip = parseIp(givenClusterIP(svc));
  if (ip?.family === 6 && !spec.ipFamilies)
    errs.push(
      invalid(clusterIPPath(svc), 'IPv6', 'not configured on this cluster', {
        shown: 'spec.ipFamilies[0]',
      }),
    );
  return errs;
}

/** IsValidIP plus validateNonSpecialIP for one external IP. */
function externalIPErrors(at: FieldPath, ip: string): FieldError[] {
  const parsed = parseIp(ip);
  if (!parsed) return ipErrors(at, ip);
  const v4 = parsed.family === 4 ? parsed.value : -1;
  if (v4 === 0 || (parsed.family === 6 && parsed.value === 0n))
    return [invalid(at, ip, 'may not be unspecified (0.0.0.0, ::)')];
  if (v4 >>> 24 === 127 || (parsed.family === 6 && parsed.value === 1n)) {
    return [invalid(at, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)')];
  }
  if (v4 >>> 16 === 0xa9fe)
    return [invalid(at, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)')];
  return ipWarnings(at, ip);
}

function validateExternal(svc: Service, type: string): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec ?? {};
  (spec.externalIPs ?? []).forEach((ip, i) =>
    errs.push(...externalIPErrors(['spec', 'externalIPs', i], ip)),
  );
  const etp = spec.externalTrafficPolicy;
  if (etp !== undefined) {
    if (!externallyAccessible(svc))
      errs.push(
        invalid(
          ['spec', 'externalTrafficPolicy'],
          etp,
          'may only be set for externally-accessible services',
        ),
      );
    else if (etp !== 'Cluster' && etp !== 'Local')
      errs.push(notSupported(['spec', 'externalTrafficPolicy'], etp, ['Cluster', 'Local']));
  }
  const itp = spec.internalTrafficPolicy;
  if (itp !== undefined && itp !== 'Cluster' && itp !== 'Local')
    errs.push(notSupported(['spec', 'internalTrafficPolicy'], itp, ['Cluster', 'Local']));
  if (spec.healthCheckNodePort && !(type === 'LoadBalancer' && etp === 'Local')) {
    errs.push(
      invalid(
        ['spec', 'healthCheckNodePort'],
        spec.healthCheckNodePort,
        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
      ),
    );
  }
  const ranges = spec.loadBalancerSourceRanges ?? [];
  if (ranges.length > 0) {
    const at: FieldPath = ['spec', 'loadBalancerSourceRanges'];
    const shown = 'spec.LoadBalancerSourceRanges';
    if (type !== 'LoadBalancer')
      errs.push(forbidden(at, "may only be used when `type` is 'LoadBalancer'", { shown }));
    const bad = ranges.findIndex((r) => !parseCidr(r.trim()));
    if (bad >= 0) {
      errs.push(
        invalid(
          [...at, bad],
          ranges,
          'must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24 ',
          { shown, printed: `[${ranges.join(' ')}]` },
        ),
      );
    }
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && type !== 'LoadBalancer') {
    errs.push(
      forbidden(
        ['spec', 'allocateLoadBalancerNodePorts'],
        "may only be used when `type` is 'LoadBalancer'",
      ),
    );
  }
  return errs;
}

function validateAffinity(svc: Service): FieldError[] {
  const spec = svc.spec ?? {};
  const affinity = spec.sessionAffinity ?? 'None';
  if (affinity !== 'ClientIP' && affinity !== 'None')
    return [notSupported(['spec', 'sessionAffinity'], affinity, ['ClientIP', 'None'])];
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (affinity === 'None' && spec.sessionAffinityConfig) {
    return [
      forbidden(['spec', 'sessionAffinityConfig'], 'must not be set when session affinity is None'),
    ];
  }
  if (affinity === 'ClientIP' && timeout !== undefined && (timeout <= 0 || timeout > 86400)) {
    return [
      invalid(
        ['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'],
        timeout,
        'must be greater than 0 and less than 86400',
      ),
    ];
  }
  return [];
}

/** ValidateService: every problem the API server reports before it allocates addresses. */
export function validateService(svc: Service): FieldError[] {
  const errs = validateObjectMeta(svc.metadata, isDns1035Label, true);
  const type = svc.spec?.type ?? 'ClusterIP';
  if (!(SERVICE_TYPES as readonly string[]).includes(type)) {
    return [...errs, notSupported(['spec', 'type'], type, SERVICE_TYPES)];
  }
  errs.push(...validatePorts(svc, type));
  errs.push(...validateClusterIPs(svc, type));
  errs.push(...validateFamilies(svc));
  if (svc.spec?.selector) errs.push(...validateLabels(svc.spec.selector, ['spec', 'selector']));
  errs.push(...validateAffinity(svc));
  errs.push(...validateExternal(svc, type));
  if (type === 'ExternalName') {
    const name = svc.spec?.externalName ?? '';
    if (!name) errs.push(required(['spec', 'externalName']));
    else
      errs.push(
        ...nameErrors(
          ['spec', 'externalName'],
          name.endsWith('.') ? name.slice(0, -1) : name,
          isDns1123Subdomain,
        ),
      );
  }
  const td = svc.spec?.trafficDistribution;
  if (td !== undefined && !['PreferClose', 'PreferSameZone', 'PreferSameNode'].includes(td)) {
    errs.push(
      notSupported(['spec', 'trafficDistribution'], td, [
        'PreferClose',
        'PreferSameNode',
        'PreferSameZone',
      ]),
    );
  }
  return errs;
}
