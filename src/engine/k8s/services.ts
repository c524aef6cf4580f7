/**
 * Creating the Services in order, as the API server would: defaults, requested ClusterIPs and
 * NodePorts claimed first (errors drop the Service), then the missing ones allocated.
 */
import { canonicalIp, type Cidr } from '../net/ip.ts';
import type { Service, ServicePort } from './api-types.ts';
import type { FieldError } from './field-errors.ts';
import { guarded, type Reporter } from './report.ts';
import type { Resource } from './resources.ts';
import {
  ClusterIPAllocator,
  clusterIPError,
  NodePortAllocator,
  nodePortError,
} from './service-allocator.ts';
import { defaultService } from './service-defaults.ts';
import { givenClusterIP } from './validate-service.ts';
import { fieldErrorMessage } from './validate.ts';

function usesNodePorts(spec: NonNullable<Service['spec']>): boolean {
  return (
    spec.type === 'NodePort' ||
    (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false)
  );
}

function needsHealthCheckPort(spec: NonNullable<Service['spec']>): boolean {
  return spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
}

function hasVip(svc: Service): boolean {
  return svc.spec?.type !== 'ExternalName' && givenClusterIP(svc) !== 'None';
}

/** Checks the requested NodePorts of one Service (ports may share one across protocols). */
function checkNodePorts(svc: Service, ports: NodePortAllocator): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec ?? {};
  const mine = new Set<number>();
  (spec.ports ?? []).forEach((p, i) => {
    if (!p.nodePort || mine.has(p.nodePort)) return;
    const outcome = ports.check(p.nodePort);
    if (outcome !== 'ok')
      errs.push(nodePortError(['spec', 'ports', i, 'nodePort'], p.nodePort, outcome));
    mine.add(p.nodePort);
  });
  const hc = spec.healthCheckNodePort;
  if (hc && !mine.has(hc)) {
    const outcome = ports.check(hc);
    if (outcome !== 'ok') errs.push(nodePortError(['spec', 'healthCheckNodePort'], hc, outcome));
  }
  return errs;
}

/** Allocates the NodePorts a Service still lacks (same port number, same NodePort). */
function fillNodePorts(
  r: Resource<'Service'>,
  spec: NonNullable<Service['spec']>,
  ports: NodePortAllocator,
): NonNullable<Service['spec']> {
  if (!usesNodePorts(spec) && !needsHealthCheckPort(spec)) return spec;
  const filled: ServicePort[] = [];
  (spec.ports ?? []).forEach((p, i) => {
    if (p.nodePort || !usesNodePorts(spec)) return filled.push(p);
    const sibling = filled.find((q) => q.port === p.port && q.nodePort);
    const nodePort = sibling?.nodePort ?? ports.allocate(`${r.namespace}/${r.name}/ports/${i}`);
    return filled.push(nodePort ? { ...p, nodePort } : p);
  });
  const out = { ...spec, ports: filled };
  if (needsHealthCheckPort(spec) && !spec.healthCheckNodePort) {
    const hc = ports.allocate(`${r.namespace}/${r.name}/healthCheckNodePort`);
    if (hc) out.healthCheckNodePort = hc;
  }
  return out;
}

/** Claims a Service's requested addresses and ports; returns it defaulted, or null when refused. */
function claimRequested(
  r: Resource<'Service'>,
  ips: ClusterIPAllocator,
  ports: NodePortAllocator,
  serviceCIDR: Cidr,
  fail: (e: FieldError) => void,
): Resource<'Service'> | null {
  const svc = defaultService(r.object);
  const portErrors = checkNodePorts(svc, ports);
  if (portErrors.length > 0) {
    portErrors.forEach(fail);
    return null;
  }
  const given = givenClusterIP(svc);
  if (given && hasVip(svc)) {
    const outcome = ips.claim(given);
    if (outcome !== 'ok') {
      fail(clusterIPError(svc, outcome, serviceCIDR));
      return null;
    }
  }
  for (const p of svc.spec?.ports ?? []) if (p.nodePort) ports.take(p.nodePort);
  if (svc.spec?.healthCheckNodePort) ports.take(svc.spec.healthCheckNodePort);
  return { ...r, object: svc };
}

/** Allocates what an accepted Service still lacks and fills in clusterIPs and families. */
function completeService(
  r: Resource<'Service'>,
  ips: ClusterIPAllocator,
  ports: NodePortAllocator,
  reporter: Reporter,
): Resource<'Service'> | null {
  const spec = r.object.spec ?? {};
  let ip = givenClusterIP(r.object);
  if (hasVip(r.object) && !ip) {
    ip = ips.allocate(`${r.namespace}/${r.name}`) ?? '';
    if (!ip) {
      reporter.error(
        r.source,
        ['spec'],
        'Internal error occurred: failed to allocate a serviceIP: range is full',
      );
      return null;
    }
  }
  const out: NonNullable<Service['spec']> = fillNodePorts(r, spec, ports);
  if (spec.type !== 'ExternalName') {
    const canonical = ip === 'None' ? 'None' : (canonicalIp(ip) ?? ip);
    out.clusterIP = canonical;
    out.clusterIPs = [canonical];
    out.ipFamilies = ['IPv4'];
    out.ipFamilyPolicy = spec.ipFamilyPolicy ?? 'SingleStack';
  }
  const metadata = { ...(r.object.metadata ?? {}), namespace: r.namespace };
  return { ...r, object: { ...r.object, metadata, spec: out } };
}

/** Defaults and allocates every Service; returns those the API server would have accepted. */
export function createServices(
  services: readonly Resource<'Service'>[],
  serviceCIDR: Cidr,
  reporter: Reporter,
): Resource<'Service'>[] {
  const ips = new ClusterIPAllocator(serviceCIDR);
  const ports = new NodePortAllocator();
  const accepted: Resource<'Service'>[] = [];
  for (const r of services) {
    const fail = (e: FieldError) =>
      reporter.report(r.source, e.at, 'error', fieldErrorMessage(r, e));
    const claimed = guarded(reporter, r.source, 'Service allocator', () =>
      claimRequested(r, ips, ports, serviceCIDR, fail),
    );
    if (claimed) accepted.push(claimed);
  }
  const created: Resource<'Service'>[] = [];
  for (const r of accepted) {
    const done = guarded(reporter, r.source, 'Service allocator', () =>
      completeService(r, ips, ports, reporter),
    );
    if (done) created.push(done);
  }
  return created;
}
