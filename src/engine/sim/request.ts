/**
 * What a learner asks the simulator: "connect from X to Y". Sources and targets are named the way
 * a user would type them (`node1`, `default/web-7d9f-abcde`, `10.36.0.1`, `clusterip-service:80`)
 * and resolved against the ClusterModel.
 */
import type { ClusterModel, ClusterPod } from '../k8s/cluster-model.ts';
import { formatIp, parseIp } from '../net/ip.ts';

export type Protocol = 'tcp' | 'udp' | 'sctp';

/** Where a connection starts. */
export type Source =
  | { readonly kind: 'pod'; readonly namespace: string; readonly name: string }
  | { readonly kind: 'node'; readonly name: string }
  /** A client outside the cluster, reaching the nodes over their LAN. */
  | { readonly kind: 'external'; readonly ip: string };

/** What it connects to. */
export type Target =
  | { readonly kind: 'address'; readonly ip: string; readonly port: number }
  | {
      readonly kind: 'service';
      readonly namespace: string;
      readonly name: string;
      readonly port?: string | number;
    }
  | {
      readonly kind: 'pod';
      readonly namespace: string;
      readonly name: string;
      readonly port: number;
    };

export interface TraceRequest {
  readonly from: Source;
  readonly to: Target;
  /** Default: the Service port's protocol, else tcp. */
  readonly protocol?: Protocol;
  /** Number of connections (each draws its backend anew). Default 1. */
  readonly connections?: number;
  /** Packets per connection from the client, each answered by the server. Default 3. */
  readonly packets?: number;
}

/** A request with every name resolved to addresses. */
export interface ResolvedRequest {
  readonly from: Source;
  readonly srcIp: string;
  readonly dstIp: string;
  readonly dport: number;
  readonly protocol: Protocol;
  /** e.g. `Service default/web port http (10.96.0.50:80/TCP)`. */
  readonly targetLabel: string;
  readonly connections: number;
  readonly packets: number;
}

export type Resolution<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ok = <T>(value: T): Resolution<T> => ({ ok: true, value });
const fail = <T>(error: string): Resolution<T> => ({ ok: false, error });

function findPod(cluster: ClusterModel, text: string): ClusterPod | undefined {
  const [ns, name] = text.includes('/')
    ? (text.split('/', 2) as [string, string])
    : [undefined, text];
  return cluster.pods.find((p) => p.name === name && (ns === undefined || p.namespace === ns));
}

/** `node1`, `default/pod-name`, `pod-name`, or an address (a pod's, a node's, or outside). */
export function parseSource(cluster: ClusterModel, text: string): Resolution<Source> {
  if (cluster.nodes.some((n) => n.name === text)) return ok({ kind: 'node', name: text });
  const pod = findPod(cluster, text);
  if (pod) return ok({ kind: 'pod', namespace: pod.namespace, name: pod.name });
  const ip = parseIp(text);
  if (!ip) return fail(`unknown source "${text}": not a node, a pod or an IP address`);
  const canonical = formatIp(ip);
  const node = cluster.nodes.find((n) => n.internalIP === canonical);
  if (node) return ok({ kind: 'node', name: node.name });
  const owners = cluster.pods.filter((p) => p.ip === canonical && !p.hostNetwork);
  if (owners.length === 1)
    return ok({ kind: 'pod', namespace: owners[0]!.namespace, name: owners[0]!.name });
  if (owners.length > 1) {
    const names = owners.map((p) => `${p.namespace}/${p.name} on ${p.nodeName}`).join(', ');
    return fail(`${canonical} belongs to several pods (${names}): name the pod instead`);
  }
  return ok({ kind: 'external', ip: canonical });
}

function splitPort(text: string): [string, string | undefined] {
  // IPv6 literals come bracketed: [fd00::1]:80.
  const bracket = /^\[(.+)\](?::(.+))?$/.exec(text);
  if (bracket) return [bracket[1] ?? '', bracket[2]];
  const i = text.lastIndexOf(':');
  return i < 0 || text.indexOf(':') !== i
    ? [text, undefined]
    : [text.slice(0, i), text.slice(i + 1)];
}

/** `IP:PORT`, `SERVICE[:PORT]` (port number or name; `ns/name` or `name`), or `POD:PORT`. */
export function parseTarget(cluster: ClusterModel, text: string): Resolution<Target> {
  const [head, portText] = splitPort(text);
  const ip = parseIp(head);
  const number = portText !== undefined && /^\d+$/.test(portText) ? Number(portText) : undefined;
  if (ip) {
    if (number === undefined || number < 1 || number > 65535)
      return fail(`"${text}": give a port, e.g. ${head}:80`);
    return ok({ kind: 'address', ip: formatIp(ip), port: number });
  }
  const [ns, name] = head.includes('/')
    ? (head.split('/', 2) as [string, string])
    : ['default', head];
  const svc = cluster.services.find(
    (s) => s.metadata?.name === name && (s.metadata?.namespace ?? 'default') === ns,
  );
  if (svc)
    return ok({
      kind: 'service',
      namespace: ns,
      name,
      ...(portText !== undefined ? { port: number ?? portText } : {}),
    });
  const pod = findPod(cluster, head);
  if (pod) {
    if (number === undefined) return fail(`"${text}": give the pod's port, e.g. ${head}:80`);
    return ok({ kind: 'pod', namespace: pod.namespace, name: pod.name, port: number });
  }
  return fail(`unknown target "${text}": not an IP:PORT, a Service or a pod`);
}

function sourceIp(cluster: ClusterModel, from: Source): Resolution<string> {
  switch (from.kind) {
    case 'external':
      return ok(from.ip);
    case 'node': {
      const node = cluster.nodes.find((n) => n.name === from.name);
      return node ? ok(node.internalIP) : fail(`node "${from.name}" not found`);
    }
    case 'pod': {
      const pod = cluster.pods.find((p) => p.namespace === from.namespace && p.name === from.name);
      if (!pod) return fail(`pod ${from.namespace}/${from.name} not found`);
      if (!pod.ip || !pod.nodeName)
        return fail(
          `pod ${from.namespace}/${from.name} has no address yet (${pod.reason ?? pod.phase})`,
        );
      return ok(pod.ip);
    }
  }
}

/** Resolves names to addresses, ports and the protocol. */
export function resolveRequest(
  cluster: ClusterModel,
  req: TraceRequest,
): Resolution<ResolvedRequest> {
  const src = sourceIp(cluster, req.from);
  if (!src.ok) return src;
  const common = {
    from: req.from,
    srcIp: src.value,
    connections: Math.max(1, Math.floor(req.connections ?? 1)),
    packets: Math.max(1, Math.floor(req.packets ?? 3)),
  };
  const to = req.to;
  if (to.kind === 'address') {
    const protocol = req.protocol ?? 'tcp';
    return ok({
      ...common,
      dstIp: to.ip,
      dport: to.port,
      protocol,
      targetLabel: `${to.ip}:${to.port}/${protocol.toUpperCase()}`,
    });
  }
  if (to.kind === 'pod') {
    const pod = cluster.pods.find((p) => p.namespace === to.namespace && p.name === to.name);
    if (!pod?.ip) return fail(`pod ${to.namespace}/${to.name} has no address`);
    const protocol = req.protocol ?? 'tcp';
    return ok({
      ...common,
      dstIp: pod.ip,
      dport: to.port,
      protocol,
      targetLabel: `pod ${to.namespace}/${to.name} (${pod.ip}:${to.port}/${protocol.toUpperCase()})`,
    });
  }
  const svc = cluster.services.find(
    (s) => s.metadata?.name === to.name && (s.metadata?.namespace ?? 'default') === to.namespace,
  );
  const clusterIP = svc?.spec?.clusterIP;
  if (!svc || !clusterIP || clusterIP === 'None')
    return fail(`Service ${to.namespace}/${to.name} has no cluster IP`);
  const ports = svc.spec?.ports ?? [];
  const wanted = to.port;
  const port =
    wanted === undefined
      ? ports.find((p) => !req.protocol || (p.protocol ?? 'TCP').toLowerCase() === req.protocol)
      : ports.find(
          (p) =>
            (typeof wanted === 'number' ? p.port === wanted : p.name === wanted) &&
            (!req.protocol || (p.protocol ?? 'TCP').toLowerCase() === req.protocol),
        );
  if (!port?.port) {
    const list = ports
      .map((p) => `${p.name ? p.name + ' ' : ''}${p.port}/${p.protocol ?? 'TCP'}`)
      .join(', ');
    return fail(
      `Service ${to.namespace}/${to.name} has no port ${wanted ?? ''} (ports: ${list || 'none'})`,
    );
  }
  const protocol = (req.protocol ?? (port.protocol ?? 'TCP').toLowerCase()) as Protocol;
  const label = `Service ${to.namespace}/${to.name}${port.name ? ` port ${port.name}` : ''} (${clusterIP}:${port.port}/${protocol.toUpperCase()})`;
  return ok({ ...common, dstIp: clusterIP, dport: port.port, protocol, targetLabel: label });
}
