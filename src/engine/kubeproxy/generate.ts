/**
 * kube-proxy's sync: Services + EndpointSlices + configuration → the iptables-restore document
 * (kube-proxy-iptables.md §4, in generation order §4.11). Services are visited in
 * namespace/name order and ports in spec order (§8: upstream's order is random).
 */
import type { EndpointSlice, Service } from '../k8s/api-types.ts';
import { cidrContains, formatIp, parseCidr, parseIp } from '../net/ip.ts';
import { SERVICE_CHAIN_PREFIXES } from './chain-names.ts';
import type { ProxierConfig } from './config.ts';
import { detectorFragments } from './detector.ts';
import {
  categorizeEndpoints,
  type EndpointInfo,
  endpointsForPort,
  indexSlices,
} from './endpoints.ts';
import type { RestoreDocument } from './restore-document.ts';
import { TableBuilder } from './table-builder.ts';
import {
  activeChainsOf,
  planServicePort,
  type PortPlan,
  writeServicePort,
} from './service-port-rules.ts';
import { sanitizeEndpointSlice, sanitizeService } from './sanitize.ts';
import { servicePortsOf, type ServicePortInfo } from './service-port.ts';

export interface SyncInput {
  readonly services: readonly Service[];
  readonly endpointSlices: readonly EndpointSlice[];
  /** nat chains already in the kernel (for stale-chain deletion, §4.8). */
  readonly existingNatChains?: Iterable<string>;
  /**
   * Partial sync (§7): only these Services (`namespace/name`) get their per-service chains
   * rewritten. Absent: a full sync.
   */
  readonly changedServices?: ReadonlySet<string>;
  /** Large-cluster mode deletes stale chains only once per syncPeriod (§6.2). Default true. */
  readonly cleanupDue?: boolean;
}

const q = (s: string) => `"${s}"`;

/** Services in namespace/name order, each with that key (made once, not per comparison). */
function servicesInOrder(services: readonly Service[]): { key: string; svc: Service }[] {
  const keyed = services.map((s) => {
    const svc = sanitizeService(s);
    return { key: `${svc.metadata?.namespace ?? 'default'}/${svc.metadata?.name ?? ''}`, svc };
  });
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A service port of this family and all its endpoints, in generation order. */
interface PortEndpoints {
  readonly sp: ServicePortInfo;
  readonly all: readonly EndpointInfo[];
  /** No earlier port has the same service-port name and protocol (PortPlan.newName). */
  readonly newName: boolean;
}

/** Every service port of this family with its endpoints, in generation order. */
function portsWithEndpoints(input: SyncInput, config: ProxierConfig): PortEndpoints[] {
  const slicesBySvc = indexSlices(input.endpointSlices.map(sanitizeEndpointSlice));
  const ports: PortEndpoints[] = [];
  const names = new Set<string>(); // what each port's chain names are hashed from
  for (const { key, svc } of servicesInOrder(input.services)) {
    const slices = slicesBySvc.get(key) ?? [];
    for (const sp of servicePortsOf(svc, config.family)) {
      const all = endpointsForPort(sp, slices, config);
      const before = names.size;
      const newName = names.add(sp.portName + sp.protocol).size > before;
      ports.push({ sp, all, newName });
    }
  }
  return ports;
}

function planOf(p: PortEndpoints, config: ProxierConfig): PortPlan {
  const categorized = categorizeEndpoints(p.sp, p.all, config);
  return planServicePort(p.sp, p.all, categorized, config, p.newName);
}

/** Plans every service port of this family, in generation order. */
export function planServicePorts(input: SyncInput, config: ProxierConfig): PortPlan[] {
  return portsWithEndpoints(input, config).map((p) => planOf(p, config));
}

/** The restore document of one full sync. */
export function generateRestoreDocument(input: SyncInput, config: ProxierConfig): RestoreDocument {
  const filter = new TableBuilder();
  const nat = new TableBuilder();
  const mark = config.masqueradeMark;
  const v4 = config.family === 4;
  const localhostNodePorts = v4 && config.localhostNodePorts;

  for (const c of [
    'KUBE-SERVICES',
    'KUBE-EXTERNAL-SERVICES',
    'KUBE-FORWARD',
    'KUBE-NODEPORTS',
    'KUBE-PROXY-FIREWALL',
  ]) {
    filter.declare(c);
  }
  if (localhostNodePorts) filter.declare('KUBE-FIREWALL');
  for (const c of ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ'])
    nat.declare(c);

  nat.add('KUBE-POSTROUTING', ['-m mark', `! --mark ${mark}/${mark}`, '-j RETURN']);
  nat.add('KUBE-POSTROUTING', [`-j MARK --xor-mark ${mark}`]);
  nat.add('KUBE-POSTROUTING', [
    `-m comment --comment ${q('kubernetes service traffic requiring SNAT')}`,
    '-j MASQUERADE',
    config.randomFully && '--random-fully',
  ]);
  nat.add('KUBE-MARK-MASQ', [`-j MARK --or-mark ${mark}`]);
  if (localhostNodePorts) {
    filter.add('KUBE-FIREWALL', [
      `-m comment --comment ${q('block incoming localnet connections')}`,
      '-d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
    ]);
  }

  const ports = portsWithEndpoints(input, config);
  const totalEndpoints = ports.reduce((n, p) => n + p.all.length, 0);
  const ctx = {
    config,
    detector: detectorFragments(config.localDetector),
    largeCluster: totalEndpoints > config.largeClusterEndpointsThreshold,
  };
  // §4.8 below needs the chains every port keeps (only when some exist already).
  const cleanup = !ctx.largeCluster || (input.cleanupDue ?? true);
  const existing = cleanup ? [...(input.existingNatChains ?? [])].sort() : [];
  const active = new Set<string>();
  // Each port is planned and written in turn: its plan is garbage right after, instead of ten
  // thousand plans kept until the last one is written (the garbage collector then has far less to
  // move while a large sync runs).
  for (const port of ports) {
    const plan = planOf(port, config);
    const changed = input.changedServices?.has(`${plan.sp.namespace}/${plan.sp.name}`) ?? true;
    writeServicePort(plan, ctx, filter, nat, changed);
    if (existing.length > 0) for (const chain of activeChainsOf(plan)) active.add(chain);
  }

  // §4.8: delete per-service chains that no longer belong to any service port
  // (iptables-save lists the existing chains alphabetically).
  const stale: string[] = [];
  for (const chain of existing) {
    if (active.has(chain)) continue;
    if (SERVICE_CHAIN_PREFIXES.some((p) => chain.startsWith(p))) stale.push(chain);
  }
  for (const chain of stale) nat.declare(chain);
  for (const chain of stale) nat.raw(`-X ${chain}`);

  writeNodePortsCatchAll(nat, config);

  if (!config.conntrackTCPBeLiberal) {
    filter.add('KUBE-FORWARD', [
      '-m conntrack --ctstate INVALID',
      config.nfacct.ctStateInvalidDroppedPkts &&
        '-m nfacct --nfacct-name ct_state_invalid_dropped_pkts',
      '-j DROP',
    ]);
  }
  filter.add('KUBE-FORWARD', [
    `-m comment --comment ${q('kubernetes forwarding rules')}`,
    `-m mark --mark ${mark}/${mark}`,
    '-j ACCEPT',
  ]);
  filter.add('KUBE-FORWARD', [
    `-m comment --comment ${q('kubernetes forwarding conntrack rule')}`,
    '-m conntrack --ctstate RELATED,ESTABLISHED',
    '-j ACCEPT',
  ]);
  return { filter: filter.build(), nat: nat.build() };
}

const NODEPORTS_COMMENT = q(
  'kubernetes service nodeports; NOTE: this must be the last rule in this chain',
);

/** The last rule(s) of nat KUBE-SERVICES (§4.9). */
function writeNodePortsCatchAll(nat: TableBuilder, config: ProxierConfig): void {
  const v4 = config.family === 4;
  const cidrs = (config.nodePortAddresses ?? [])
    .map((s) => parseCidr(s))
    .filter((c) => c !== null && c.ip.family === config.family);
  const matchAll = cidrs.length === 0 || cidrs.some((c) => c!.prefix === 0);
  if (matchAll) {
    const extra = !v4 ? '! -d ::1/128' : config.localhostNodePorts ? null : '! -d 127.0.0.0/8';
    nat.add('KUBE-SERVICES', [
      `-m comment --comment ${NODEPORTS_COMMENT}`,
      '-m addrtype --dst-type LOCAL',
      extra,
      '-j KUBE-NODEPORTS',
    ]);
    return;
  }
  const seen = new Set<string>();
  for (const addr of config.nodeInterfaceAddresses) {
    const ip = parseIp(addr.split('/')[0] ?? '');
    if (!ip || ip.family !== config.family) continue;
    if (!cidrs.some((c) => cidrContains(c!, ip))) continue;
    const loopback = ip.family === 4 ? ip.value >>> 24 === 127 : ip.value === 1n;
    if (loopback && (!v4 || !config.localhostNodePorts)) continue;
    const text = formatIp(ip);
    if (seen.has(text)) continue;
    seen.add(text);
    nat.add('KUBE-SERVICES', [
      `-m comment --comment ${NODEPORTS_COMMENT}`,
      `-d ${text}`,
      '-j KUBE-NODEPORTS',
    ]);
  }
}
