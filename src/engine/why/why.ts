/**
 * "Why" links between the YAML and kube-proxy's rules: which rules a field of the text produced,
 * and which field a rule came from. Every generated rule carries its origin (Service, service
 * port, endpoint: restore-document.ts); the cluster model says which pods a Deployment made and
 * which addresses they got.
 */
import type { Service } from '../k8s/api-types.ts';
import type { ClusterModel, ClusterPod } from '../k8s/cluster-model.ts';
import type { RestoreDocument } from '../kubeproxy/restore-document.ts';
import type { FieldRef } from './field-ref.ts';
import { keyedRules, type KeyedRule } from './rule-keys.ts';

/** `ns/name` or `ns/name:port`, as kube-proxy names a service port (its chains and comments). */
function portNameOf(svc: Service, i: number): string {
  const p = svc.spec?.ports?.[i];
  const base = `${svc.metadata?.namespace ?? 'default'}/${svc.metadata?.name ?? ''}`;
  return p?.name ? `${base}:${p.name}` : base;
}

/** The ReplicaSet's Deployment: `<deployment>-<pod-template-hash>`. */
function deploymentOfReplicaSet(rs: string): string {
  const dash = rs.lastIndexOf('-');
  return dash < 0 ? rs : rs.slice(0, dash);
}

/** The pods a workload object of the text stands for. */
function podsOf(cluster: ClusterModel, ref: FieldRef): readonly ClusterPod[] {
  return cluster.pods.filter((p) => {
    if (p.namespace !== ref.namespace || !p.owner) return ref.kind === 'Pod' && p.name === ref.name;
    if (ref.kind === 'Pod') return p.name === ref.name;
    if (ref.kind === 'ReplicaSet')
      return p.owner.kind === 'ReplicaSet' && p.owner.name === ref.name;
    if (ref.kind === 'Deployment')
      return p.owner.kind === 'ReplicaSet' && deploymentOfReplicaSet(p.owner.name) === ref.name;
    return false;
  });
}

const hasDst = (text: string, ip: string) =>
  text.includes(`-d ${ip} `) || text.includes(`-d ${ip}/`) || text.endsWith(`-d ${ip}`);

/** Which of a Service's rules a field of it produced. */
function serviceRules(svc: Service, rules: readonly KeyedRule[], path: FieldRef['path']) {
  const [top, field, index, sub] = path;
  if (top !== 'spec') return rules;
  const spec = svc.spec ?? {};
  switch (field) {
    case 'clusterIP':
    case 'clusterIPs': {
      const ips = [spec.clusterIP, ...(spec.clusterIPs ?? [])].filter((x): x is string => !!x);
      return rules.filter((r) => ips.some((ip) => hasDst(r.text, ip)));
    }
    case 'ports': {
      if (typeof index !== 'number') return rules;
      const name = portNameOf(svc, index);
      const own = rules.filter((r) => r.origin?.portName === name);
      const p = spec.ports?.[index];
      if (sub === 'port') return own.filter((r) => r.text.includes(`--dport ${p?.port} `));
      if (sub === 'nodePort') return own.filter((r) => r.text.includes(`--dport ${p?.nodePort} `));
      if (sub === 'targetPort') return own.filter((r) => r.text.includes('--to-destination '));
      if (sub === 'protocol')
        return own.filter((r) => r.text.includes(`-p ${(p?.protocol ?? 'TCP').toLowerCase()} `));
      return own;
    }
    case 'selector':
      // The endpoints it picked: the probability ladder and one KUBE-SEP chain per endpoint.
      return rules.filter((r) => r.origin?.endpoint !== undefined);
    case 'type':
    case 'externalIPs':
    case 'loadBalancerIP':
    case 'loadBalancerSourceRanges':
    case 'externalTrafficPolicy':
      // How the Service is reached: the entry rules, not the ladder or the endpoints' chains.
      return rules.filter((r) => !/^KUBE-(SVC|SEP)-/.test(r.chain));
    case 'internalTrafficPolicy':
      return rules.filter((r) => /^KUBE-(SVC|SVL)-/.test(r.chain));
    case 'sessionAffinity':
    case 'sessionAffinityConfig':
      return rules.filter((r) => r.text.includes('-m recent '));
    default:
      return rules;
  }
}

/** The keys of the rules that `ref` (a field of the text) produced in `doc`. */
export function rulesOfField(
  cluster: ClusterModel,
  doc: RestoreDocument,
  ref: FieldRef,
): ReadonlySet<string> {
  const all = keyedRules(doc);
  let picked: readonly KeyedRule[] = [];
  if (ref.kind === 'Service') {
    const svc = cluster.services.find(
      (s) =>
        (s.metadata?.namespace ?? 'default') === ref.namespace && s.metadata?.name === ref.name,
    );
    const own = all.filter((r) => r.origin?.service === `${ref.namespace}/${ref.name}`);
    picked = svc ? serviceRules(svc, own, ref.path) : own;
  } else if (ref.kind === 'Deployment' || ref.kind === 'ReplicaSet' || ref.kind === 'Pod') {
    const ips = podsOf(cluster, ref)
      .map((p) => p.ip)
      .filter((ip): ip is string => ip !== null);
    const endpointRules = all.filter((r) => {
      const ep = r.origin?.endpoint;
      return (
        ep !== undefined && ips.some((ip) => ep.startsWith(`${ip}:`) || ep.startsWith(`[${ip}]:`))
      );
    });
    const containerPorts = ref.path.includes('ports');
    picked = containerPorts
      ? endpointRules.filter((r) => r.text.includes('--to-destination '))
      : endpointRules;
  } else if (ref.kind === 'EndpointSlice') {
    const slice = cluster.endpointSlices.find(
      (s) =>
        (s.metadata?.namespace ?? 'default') === ref.namespace && s.metadata?.name === ref.name,
    );
    const service = `${ref.namespace}/${slice?.metadata?.labels?.['kubernetes.io/service-name'] ?? ''}`;
    picked = all.filter((r) => r.origin?.service === service && r.origin.endpoint !== undefined);
  }
  return new Set(picked.map((r) => r.key));
}

/** Where a rule came from: the Service port, and the endpoint's pod when it has one. */
export interface RuleSource {
  /** Fields to show, best first: the first one present in the text is the one to show. */
  readonly fields: readonly FieldRef[];
  readonly service: string;
  readonly portName: string;
  /** The Service port as kubectl shows it: `80/TCP`, `http 80/TCP` for a named port. */
  readonly port: string;
  readonly endpoint?: string;
  /** The endpoint's pod, `namespace/name`. */
  readonly pod?: string;
}

/**
 * The field of the text that rule `key` of `doc` came from, or null for kube-proxy's fixed rules
 * (jumps, masquerade, marks) that no object of the text asked for.
 */
export function sourceOfRule(
  cluster: ClusterModel,
  doc: RestoreDocument,
  key: string,
): RuleSource | null {
  const rule = keyedRules(doc).find((r) => r.key === key);
  const origin = rule?.origin;
  if (!rule || !origin) return null;
  const [namespace = '', name = ''] = origin.service.split('/');
  const svc = cluster.services.find(
    (s) => (s.metadata?.namespace ?? 'default') === namespace && s.metadata?.name === name,
  );
  const portIndex = svc?.spec?.ports?.findIndex((_, i) => portNameOf(svc, i) === origin.portName);
  const ports = portIndex !== undefined && portIndex >= 0 ? ['ports', portIndex] : [];
  const serviceField = (...rest: (string | number)[]): FieldRef => ({
    kind: 'Service',
    namespace,
    name,
    path: ['spec', ...(rest.length > 0 && ports.length === 0 ? [] : [...ports, ...rest])],
  });
  const sp = portIndex !== undefined && portIndex >= 0 ? svc?.spec?.ports?.[portIndex] : undefined;
  const port = sp
    ? `${sp.name ? `${sp.name} ` : ''}${sp.port}/${sp.protocol ?? 'TCP'}`
    : origin.portName;
  const base = { service: origin.service, portName: origin.portName, port };

  if (!origin.endpoint) {
    if (sp?.nodePort && rule.text.includes(`--dport ${sp.nodePort} `))
      return { ...base, fields: [serviceField('nodePort')] };
    if (
      rule.chain === 'KUBE-SERVICES' &&
      svc?.spec?.clusterIP &&
      hasDst(rule.text, svc.spec.clusterIP)
    )
      return {
        ...base,
        fields: [{ kind: 'Service', namespace, name, path: ['spec', 'clusterIP'] }],
      };
    return { ...base, fields: [serviceField()] };
  }

  const ip = origin.endpoint.replace(/^\[?([^\]]*?)\]?:\d+$/, '$1');
  const pod = cluster.pods.find((p) => p.ip === ip);
  const withPod = {
    ...base,
    endpoint: origin.endpoint,
    ...(pod ? { pod: `${pod.namespace}/${pod.name}` } : {}),
  };
  const selector: FieldRef = { kind: 'Service', namespace, name, path: ['spec', 'selector'] };
  const podRef: FieldRef[] = pod
    ? [{ kind: 'Pod', namespace: pod.namespace, name: pod.name, path: [] }]
    : [];
  if (rule.text.includes('--to-destination '))
    return { ...withPod, fields: [serviceField('targetPort'), ...podRef] };
  // A rung of the probability ladder: one per endpoint, so the number of replicas decides it.
  if (pod?.owner?.kind === 'ReplicaSet' && /^KUBE-(SVC|SVL)-/.test(rule.chain)) {
    const rs = pod.owner.name;
    const replicas = (kind: string, n: string): FieldRef => ({
      kind,
      namespace: pod.namespace,
      name: n,
      path: ['spec', 'replicas'],
    });
    return {
      ...withPod,
      fields: [
        replicas('Deployment', deploymentOfReplicaSet(rs)),
        replicas('ReplicaSet', rs),
        selector,
        ...podRef,
      ],
    };
  }
  return { ...withPod, fields: [selector, ...podRef] };
}
