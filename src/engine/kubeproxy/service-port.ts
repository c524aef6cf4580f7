/**
 * The per-service-port facts kube-proxy derives from a Service (kube-proxy-iptables.md §1.2).
 */
import type { Service } from '../k8s/api-types.ts';
import { formatCidr, formatIp, parseCidr, parseIp } from '../net/ip.ts';
import { servicePortChainSuffix } from './chain-names.ts';

export interface ServicePortInfo {
  readonly namespace: string;
  readonly name: string;
  /** `<namespace>/<name>:<portName>` or `<namespace>/<name>` for an unnamed port. */
  readonly portName: string;
  /** The Service port's own name ("" when unnamed). */
  readonly specPortName: string;
  /** `tcp`, `udp` or `sctp`. */
  readonly protocol: string;
  /** The Service port's protocol as the API spells it (`TCP`), to match EndpointSlice ports. */
  readonly apiProtocol: string;
  readonly clusterIP: string;
  readonly port: number;
  readonly nodePort: number;
  readonly externalIPs: readonly string[];
  readonly loadBalancerVIPs: readonly string[];
  readonly loadBalancerSourceRanges: readonly string[];
  readonly externalPolicyLocal: boolean;
  readonly internalPolicyLocal: boolean;
  /** Seconds of ClientIP affinity, or 0 for none. */
  readonly stickySeconds: number;
  readonly healthCheckNodePort: number;
  /** Shared suffix of KUBE-SVC/SVL/EXT/FW. */
  readonly hash: string;
}

/** Parses an address "sloppily" and returns it canonically, if it is of `family`. */
function addressOfFamily(text: string | undefined, family: 4 | 6): string | null {
  if (!text) return null;
  const ip = parseIp(text.trim());
  return ip && ip.family === family ? formatIp(ip) : null;
}

function clusterIPForFamily(svc: Service, family: 4 | 6): string | null {
  const spec = svc.spec ?? {};
  const familyName = family === 4 ? 'IPv4' : 'IPv6';
  if (spec.ipFamilies && spec.ipFamilies.length > 0) {
    const idx = spec.ipFamilies.indexOf(familyName);
    if (idx < 0) return null;
    return addressOfFamily(
      spec.clusterIPs?.[idx] ?? (idx === 0 ? spec.clusterIP : undefined),
      family,
    );
  }
  return addressOfFamily(spec.clusterIP, family);
}

function isExternallyAccessibleType(svc: Service): boolean {
  const type = svc.spec?.type;
  if (type === 'LoadBalancer' || type === 'NodePort') return true;
  return type === 'ClusterIP' && (svc.spec?.externalIPs?.length ?? 0) > 0;
}

/** The service ports of `svc` that this proxier's family writes rules for; [] when none. */
export function servicePortsOf(svc: Service, family: 4 | 6): ServicePortInfo[] {
  const spec = svc.spec ?? {};
  if (!spec.clusterIP || spec.clusterIP === 'None' || spec.type === 'ExternalName') return [];
  const clusterIP = clusterIPForFamily(svc, family);
  if (!clusterIP) return [];
  const namespace = svc.metadata?.namespace ?? 'default';
  const name = svc.metadata?.name ?? '';
  const externalIPs = (spec.externalIPs ?? [])
    .map((e) => addressOfFamily(e, family))
    .filter((e): e is string => e !== null);
  const loadBalancerVIPs = (svc.status?.loadBalancer?.ingress ?? [])
    .filter((ing) => ing.ipMode === undefined || ing.ipMode === '' || ing.ipMode === 'VIP')
    .map((ing) => addressOfFamily(ing.ip, family))
    .filter((e): e is string => e !== null);
  let sourceRanges: string[] = [];
  for (const raw of spec.loadBalancerSourceRanges ?? []) {
    const cidr = parseCidr(raw.trim());
    if (!cidr || cidr.ip.family !== family) continue;
    sourceRanges.push(formatCidr(cidr));
  }
  // A zero CIDR in the list means "allow all": no firewall (§1.2).
  if (sourceRanges.some((r) => r.endsWith('/0'))) sourceRanges = [];
  const externalPolicyLocal =
    isExternallyAccessibleType(svc) && spec.externalTrafficPolicy === 'Local';
  const internalPolicyLocal = spec.internalTrafficPolicy === 'Local';
  const stickySeconds =
    spec.sessionAffinity === 'ClientIP'
      ? (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800)
      : 0;
  const healthCheckNodePort =
    spec.type === 'LoadBalancer' && externalPolicyLocal ? (spec.healthCheckNodePort ?? 0) : 0;
  return (spec.ports ?? []).map((p) => {
    const specPortName = p.name ?? '';
    const portName =
      specPortName === '' ? `${namespace}/${name}` : `${namespace}/${name}:${specPortName}`;
    const apiProtocol = p.protocol ?? 'TCP';
    const protocol = apiProtocol.toLowerCase();
    return {
      namespace,
      name,
      portName,
      specPortName,
      protocol,
      apiProtocol,
      clusterIP,
      port: p.port ?? 0,
      nodePort: p.nodePort ?? 0,
      externalIPs,
      loadBalancerVIPs,
      loadBalancerSourceRanges: sourceRanges,
      externalPolicyLocal,
      internalPolicyLocal,
      stickySeconds,
      healthCheckNodePort,
      hash: servicePortChainSuffix(portName, protocol),
    };
  });
}

/** Port-level "externally accessible" (§1.2). */
export function isExternallyAccessible(sp: ServicePortInfo): boolean {
  return sp.nodePort !== 0 || sp.loadBalancerVIPs.length > 0 || sp.externalIPs.length > 0;
}

export function usesClusterEndpoints(sp: ServicePortInfo): boolean {
  return !sp.internalPolicyLocal || isExternallyAccessible(sp);
}

export function usesLocalEndpoints(sp: ServicePortInfo): boolean {
  return sp.internalPolicyLocal || (sp.externalPolicyLocal && isExternallyAccessible(sp));
}
