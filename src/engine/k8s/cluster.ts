/**
 * Building the cluster from admitted objects, in the order things happen on a kubeadm lab: the
 * control plane comes up and CoreDNS lands on it, workers join (Weave donates them address
 * space), then the user's workloads are created, scheduled and given addresses.
 */
import { formatCidr } from '../net/ip.ts';
import type { ClusterModel, ClusterNode, ClusterPod, ClusterWorkload } from './cluster-model.ts';
import { runDaemonSet } from './daemonset-controller.ts';
import { runDeployment, runReplicaSet } from './deployment-controller.ts';
import { collectEndpointSlices } from './endpoint-slices.ts';
import { kubeProxySettings } from './kube-proxy-config.ts';
import { CONTROL_PLANE_IP, DEFAULT_LAB, labNodes, labSettings } from './lab.ts';
import type { KindName } from './kinds.ts';
import { readNodes, type NodeInfo } from './nodes.ts';
import { assignPodIPs, reservePodIPs, scheduleUnboundPods } from './pod-placement.ts';
import { DOCKER0_CIDR, PodNetwork } from './pod-network.ts';
import { podFromInput, toClusterPod, type PodRecord } from './pods.ts';
import { objectPath, type Reporter } from './report.ts';
import { makeResource, resourceKey, type AnyResource, type Resource } from './resources.ts';
import { warnAboutServices } from './service-warnings.ts';
import { createServices } from './services.ts';
import { systemObjects } from './system-objects.ts';
import { createWorkloadContext, type WorkloadContext, type WorkloadEntry } from './workload-context.ts';

type ByKind = { [K in KindName]: Resource<K>[] };

function groupByKind(resources: readonly AnyResource[]): ByKind {
  const out: ByKind = {
    Deployment: [], ReplicaSet: [], DaemonSet: [], Pod: [], Service: [], Endpoints: [], EndpointSlice: [], Node: [], KubeProxyConfiguration: [], Lab: [],
  };
  for (const r of resources) (out[r.kind] as AnyResource[]).push(r);
  return out;
}

/** System objects first; a user object with the same identity replaces the system one in place. */
function withSystemObjects(system: readonly AnyResource[], user: readonly AnyResource[]): { all: AnyResource[]; systemKeys: Set<string> } {
  const userByKey = new Map(user.map((r) => [resourceKey(r), r]));
  const systemKeys = new Set(system.map(resourceKey));
  const all = system.map((r) => userByKey.get(resourceKey(r)) ?? r);
  for (const r of user) if (!systemKeys.has(resourceKey(r))) all.push(r);
  return { all, systemKeys };
}

/** Runs `fn`, turning an unexpected exception into an error on the object instead of a crash. */
function guard(reporter: Reporter, r: AnyResource, what: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    reporter.error(r.source, objectPath(r.source), `internal error in the ${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function byName<T extends { namespace: string; name: string }>(a: T, b: T): number {
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Pods by `namespace/Kind/name` of their owner. */
function byOwner<P extends { namespace: string; owner: { kind: string; name: string } | null }>(pods: readonly P[]): Map<string, P[]> {
  const out = new Map<string, P[]>();
  for (const p of pods) {
    if (!p.owner) continue;
    const key = `${p.namespace}/${p.owner.kind}/${p.owner.name}`;
    const list = out.get(key);
    if (list) list.push(p);
    else out.set(key, [p]);
  }
  return out;
}

function podsOf<P>(index: Map<string, P[]>, w: WorkloadEntry): P[] {
  return w.podOwners.flatMap((owner) => index.get(`${w.namespace}/${owner}`) ?? []);
}

function summariseWorkloads(ctx: WorkloadContext, pods: readonly ClusterPod[]): ClusterWorkload[] {
  const index = byOwner(pods);
  return ctx.workloads.map((w) => {
    const mine = podsOf(index, w).filter((p) => !p.terminating);
    return {
      kind: w.kind,
      namespace: w.namespace,
      name: w.name,
      desired: w.desired,
      current: mine.length,
      ready: mine.filter((p) => p.ready).length,
      ...(w.source ? { source: { file: w.source.file, from: w.source.from, to: w.source.to } } : {}),
    };
  });
}

/** One warning per workload whose pods cannot be scheduled or addressed. */
function reportStuckPods(ctx: WorkloadContext, pods: readonly PodRecord[], nodeNames: ReadonlySet<string>, reporter: Reporter): void {
  const stuckHere = (p: PodRecord) => Boolean(p.reason) && (p.nodeName === null || nodeNames.has(p.nodeName));
  const index = byOwner(pods);
  for (const w of ctx.workloads) {
    const stuck = podsOf(index, w).filter(stuckHere);
    const first = stuck[0];
    if (!first || !w.source) continue;
    reporter.warning(w.source, objectPath(w.source), `${stuck.length} pod(s) of ${w.kind} ${JSON.stringify(w.name)} are Pending: ${first.reason ?? ''}`);
  }
  for (const pod of pods) if (pod.source && stuckHere(pod) && !ctx.claimed.has(pod)) reporter.warning(pod.source, objectPath(pod.source), `Pod ${JSON.stringify(pod.name)} is Pending: ${pod.reason}`);
}

/** The cluster the admitted objects describe. */
export function buildCluster(resources: readonly AnyResource[], reporter: Reporter): ClusterModel {
  const input = groupByKind(resources);
  const defaultLab = input.Node.length === 0;
  const labResource = input.Lab[0];
  if (!defaultLab && labResource) {
    reporter.warning(labResource.source, ['kind'], 'the Lab header is ignored: the input has Node objects, and they define the cluster');
  }
  const lab = defaultLab ? labSettings(labResource?.object) : DEFAULT_LAB;
  const cni = lab.cni;
  const nodeResources = defaultLab ? labNodes(lab).map((n) => makeResource('Node', n)) : input.Node;
  const nodes = readNodes(nodeResources, reporter);
  const nodeNames = new Set(nodes.map((n) => n.name));
  const system = defaultLab ? systemObjects(lab.serviceCIDR, CONTROL_PLANE_IP, cni) : [];
  const { all, systemKeys } = withSystemObjects(system, resources.filter((r) => r.kind !== 'Node' && r.kind !== 'Lab'));
  const objects = groupByKind(all);
  const isSystem = (r: AnyResource) => systemKeys.has(resourceKey(r));

  const network = new PodNetwork(cni, lab.podNetworkCIDR);
  const pods = objects.Pod.map(podFromInput);
  for (const pod of pods) {
    if (pod.nodeName !== null && !nodeNames.has(pod.nodeName)) {
      pod.reason = `node ${JSON.stringify(pod.nodeName)} not found`;
      reporter.warning(pod.source, ['spec', 'nodeName'], `node ${JSON.stringify(pod.nodeName)} not found: the pod stays Pending`);
    }
  }
  reservePodIPs(pods, network, reporter);
  const ctx = createWorkloadContext(pods, objects.ReplicaSet, reporter);

  // The control plane comes up first; CoreDNS is scheduled before any worker joins.
  const early: NodeInfo[] = defaultLab ? nodes.slice(0, 1) : nodes;
  const joined = new Set<string>();
  const join = (list: readonly NodeInfo[]) => {
    for (const n of list) {
      network.join(n.name, n.podCIDRs[0]);
      joined.add(n.name);
    }
  };
  join(early);
  for (const d of objects.Deployment.filter(isSystem)) guard(reporter, d, 'Deployment controller', () => runDeployment(ctx, d));
  const earlyPods = new Set(ctx.claimed);
  scheduleUnboundPods(ctx.pods, early, nodeNames, (p) => earlyPods.has(p));
  assignPodIPs(ctx.pods, network, joined, (p) => earlyPods.has(p));

  // Workers join, then everything else is created.
  join(nodes);
  for (const d of objects.Deployment.filter((r) => !isSystem(r))) guard(reporter, d, 'Deployment controller', () => runDeployment(ctx, d));
  for (const rs of objects.ReplicaSet) if (!ctx.claimedReplicaSets.has(rs)) guard(reporter, rs, 'ReplicaSet controller', () => runReplicaSet(ctx, rs));
  for (const ds of objects.DaemonSet) guard(reporter, ds, 'DaemonSet controller', () => runDaemonSet(ctx, ds, nodes));
  scheduleUnboundPods(ctx.pods, nodes, nodeNames);
  assignPodIPs(ctx.pods, network, joined);
  reportStuckPods(ctx, ctx.pods, nodeNames, reporter);

  const nodeIPs = new Map(nodes.map((n) => [n.name, n.internalIP]));
  const clusterPods = ctx.pods.map((p) => toClusterPod(p, nodeIPs)).sort(byName);
  const clusterNodes: ClusterNode[] = nodes.map((n) => {
    const net = network.describe(n.name);
    return {
      name: n.name,
      internalIP: n.internalIP,
      role: n.role,
      labels: n.labels,
      taints: n.taints,
      podCIDRs: n.podCIDRs,
      bridge: net.bridge,
      podRanges: net.podRanges,
      ...(n.source ? { source: { file: n.source.file, from: n.source.from, to: n.source.to } } : {}),
    };
  });
  const services = createServices(objects.Service, lab.serviceCIDR, reporter);
  const endpointSlices = collectEndpointSlices(
    { services, slices: objects.EndpointSlice, endpoints: objects.Endpoints, pods: clusterPods, nodes: clusterNodes },
    reporter,
  );
  warnAboutServices(services, clusterPods, reporter);
  const proxy = objects.KubeProxyConfiguration[0];
  return {
    nodes: clusterNodes,
    pods: clusterPods,
    workloads: summariseWorkloads(ctx, clusterPods),
    services: services.map((s) => s.object),
    endpointSlices,
    serviceCIDR: formatCidr(lab.serviceCIDR),
    cni,
    podNetworkCIDR: cni === 'docker' ? DOCKER0_CIDR : formatCidr(lab.podNetworkCIDR),
    kubeProxy: kubeProxySettings(proxy?.object, proxy?.source ?? undefined),
    defaultLab,
  };
}
