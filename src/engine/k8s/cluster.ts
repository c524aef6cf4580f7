/**
 * Building the cluster from admitted objects, in the order things happen on a kubeadm lab: the
 * control plane comes up and CoreDNS lands on it, workers join (Weave donates them address
 * space), then the user's workloads are created, scheduled and given addresses.
 */
import { formatCidr } from '../net/ip.ts';
import type { ClusterModel, ClusterNode } from './cluster-model.ts';
import { runDaemonSet } from './daemonset-controller.ts';
import { runDeployment, runReplicaSet } from './deployment-controller.ts';
import { collectEndpointSlices } from './endpoint-slices.ts';
import { kubeProxySettings } from './kube-proxy-config.ts';
import type { KindName } from './kinds.ts';
import { CONTROL_PLANE_IP, DEFAULT_LAB, labNodes, labSettings, type LabSettings } from './lab.ts';
import { readNodes, type NodeInfo } from './nodes.ts';
import { assignPodIPs, reservePodIPs, scheduleUnboundPods } from './pod-placement.ts';
import { DOCKER0_CIDR, PodNetwork } from './pod-network.ts';
import { podFromInput, toClusterPod, type PodRecord } from './pods.ts';
import { guarded, type Reporter } from './report.ts';
import { makeResource, resourceKey, type AnyResource, type Resource } from './resources.ts';
import { warnAboutServices } from './service-warnings.ts';
import { createServices } from './services.ts';
import { systemObjects } from './system-objects.ts';
import { createWorkloadContext, type WorkloadContext } from './workload-context.ts';
import { reportStuckPods, summariseWorkloads } from './workload-summary.ts';

type ByKind = { [K in KindName]: Resource<K>[] };

function groupByKind(resources: readonly AnyResource[]): ByKind {
  const out: ByKind = {
    Deployment: [],
    ReplicaSet: [],
    DaemonSet: [],
    Pod: [],
    Service: [],
    Endpoints: [],
    EndpointSlice: [],
    Node: [],
    KubeProxyConfiguration: [],
    Lab: [],
  };
  for (const r of resources) (out[r.kind] as AnyResource[]).push(r);
  return out;
}

/** The nodes and lab settings: the default kubeadm lab unless the input has Node objects. */
function chooseNodes(
  input: ByKind,
  reporter: Reporter,
): { lab: LabSettings; nodes: NodeInfo[]; defaultLab: boolean } {
  const defaultLab = input.Node.length === 0;
  const header = input.Lab[0];
  if (!defaultLab && header) {
    const message =
      'the Lab header is ignored: the input has Node objects, and they define the cluster';
    reporter.warning(header.source, ['kind'], message);
  }
  const lab = defaultLab ? labSettings(header?.object) : DEFAULT_LAB;
  const nodeObjects = defaultLab ? labNodes(lab).map((n) => makeResource('Node', n)) : input.Node;
  return { lab, nodes: readNodes(nodeObjects, reporter), defaultLab };
}

/** kubeadm's objects first; a user object with the same identity replaces the system one in place. */
function withSystemObjects(system: readonly AnyResource[], user: readonly AnyResource[]) {
  const userByKey = new Map(user.map((r) => [resourceKey(r), r]));
  const systemKeys = new Set(system.map(resourceKey));
  const all = system.map((r) => userByKey.get(resourceKey(r)) ?? r);
  for (const r of user) if (!systemKeys.has(resourceKey(r))) all.push(r);
  return {
    objects: groupByKind(all),
    isSystem: (r: AnyResource) => systemKeys.has(resourceKey(r)),
  };
}

function byName<T extends { namespace: string; name: string }>(a: T, b: T): number {
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Pods from the input: checked against the nodes, their addresses reserved. */
function inputPods(
  pods: readonly Resource<'Pod'>[],
  nodeNames: ReadonlySet<string>,
  network: PodNetwork,
  reporter: Reporter,
): PodRecord[] {
  const records: PodRecord[] = [];
  for (const r of pods) {
    const pod = guarded(reporter, r.source, 'pod reader', () => podFromInput(r));
    if (!pod) continue;
    if (pod.nodeName !== null && !nodeNames.has(pod.nodeName)) {
      pod.reason = `node ${JSON.stringify(pod.nodeName)} not found`;
      reporter.warning(pod.source, ['spec', 'nodeName'], `${pod.reason}: the pod stays Pending`);
    }
    records.push(pod);
  }
  reservePodIPs(records, network, reporter);
  return records;
}

interface Timeline {
  readonly objects: ByKind;
  readonly isSystem: (r: AnyResource) => boolean;
  readonly nodes: readonly NodeInfo[];
  /** Nodes up before the workers join (the control plane, in the default lab). */
  readonly early: readonly NodeInfo[];
  readonly network: PodNetwork;
}

/** Joins nodes and runs the controllers in kubeadm order; returns the pods and workloads. */
function runWorkloads(t: Timeline, reporter: Reporter): WorkloadContext {
  const nodeNames = new Set(t.nodes.map((n) => n.name));
  const pods = inputPods(t.objects.Pod, nodeNames, t.network, reporter);
  const ctx = createWorkloadContext(pods, t.objects.ReplicaSet, reporter);
  const joined = new Set<string>();
  const join = (list: readonly NodeInfo[]) => {
    for (const n of list) {
      t.network.join(n.name, n.podCIDRs[0]);
      joined.add(n.name);
    }
  };
  const deploy = (d: Resource<'Deployment'>) =>
    guarded(reporter, d.source, 'Deployment controller', () => runDeployment(ctx, d));

  // The control plane comes up; CoreDNS is scheduled (and addressed) before any worker joins.
  join(t.early);
  t.objects.Deployment.filter(t.isSystem).forEach(deploy);
  const earlyPods = new Set(ctx.claimed);
  scheduleUnboundPods(ctx.pods, t.early, nodeNames, (p) => earlyPods.has(p));
  assignPodIPs(ctx.pods, t.network, joined, (p) => earlyPods.has(p));

  // The workers join; then everything else is created, scheduled and addressed.
  join(t.nodes);
  t.objects.Deployment.filter((d) => !t.isSystem(d)).forEach(deploy);
  for (const rs of t.objects.ReplicaSet) {
    if (ctx.claimedReplicaSets.has(rs)) continue;
    guarded(reporter, rs.source, 'ReplicaSet controller', () => runReplicaSet(ctx, rs));
  }
  for (const ds of t.objects.DaemonSet) {
    guarded(reporter, ds.source, 'DaemonSet controller', () => runDaemonSet(ctx, ds, t.nodes));
  }
  scheduleUnboundPods(ctx.pods, t.nodes, nodeNames);
  assignPodIPs(ctx.pods, t.network, joined);
  reportStuckPods(ctx, nodeNames, reporter);
  return ctx;
}

function clusterNode(n: NodeInfo, network: PodNetwork): ClusterNode {
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
}

/** The cluster the admitted objects describe. */
export function buildCluster(resources: readonly AnyResource[], reporter: Reporter): ClusterModel {
  const input = groupByKind(resources);
  const { lab, nodes, defaultLab } = chooseNodes(input, reporter);
  const system = defaultLab ? systemObjects(lab.serviceCIDR, CONTROL_PLANE_IP, lab.cni) : [];
  const user = resources.filter((r) => r.kind !== 'Node' && r.kind !== 'Lab');
  const { objects, isSystem } = withSystemObjects(system, user);
  const network = new PodNetwork(lab.cni, lab.podNetworkCIDR);
  const early = defaultLab ? nodes.slice(0, 1) : nodes;
  const ctx = runWorkloads({ objects, isSystem, nodes, early, network }, reporter);

  const nodeIPs = new Map(nodes.map((n) => [n.name, n.internalIP]));
  const pods = ctx.pods.map((p) => toClusterPod(p, nodeIPs)).sort(byName);
  const clusterNodes = nodes.map((n) => clusterNode(n, network));
  const services = createServices(objects.Service, lab.serviceCIDR, reporter);
  const sliceInputs = {
    services,
    slices: objects.EndpointSlice,
    endpoints: objects.Endpoints,
    pods,
    nodes: clusterNodes,
  };
  const endpointSlices = collectEndpointSlices(sliceInputs, reporter);
  warnAboutServices(services, pods, reporter);
  const proxy = objects.KubeProxyConfiguration[0];
  const mode = proxy?.object.mode;
  if (proxy && (mode === 'ipvs' || mode === 'nftables')) {
    reporter.warning(
      proxy.source,
      ['mode'],
      `podpath simulates kube-proxy's iptables mode only: the rules shown are what mode "iptables" would write, not ${mode}'s`,
    );
  }
  return {
    nodes: clusterNodes,
    pods,
    workloads: summariseWorkloads(ctx, pods),
    services: services.map((s) => s.object),
    endpointSlices,
    serviceCIDR: formatCidr(lab.serviceCIDR),
    cni: lab.cni,
    podNetworkCIDR: lab.cni === 'docker' ? DOCKER0_CIDR : formatCidr(lab.podNetworkCIDR),
    kubeProxy: kubeProxySettings(proxy?.object, proxy?.source ?? undefined),
    defaultLab,
  };
}
