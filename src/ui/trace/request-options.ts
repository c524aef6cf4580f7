/**
 * What the request picker offers, from the cluster: sources (pods with an address, nodes, an
 * outside client) and targets (Service ports, NodePorts, pods). Values are the words the CLI
 * takes (`--from default/client --to default/clusterip-service:80`). Pure.
 */
import type { ClusterModel, Protocol } from '../../engine/index.ts';

export type ChoiceGroup = 'pods' | 'nodes' | 'outside' | 'services' | 'nodePorts' | 'podPorts';

export interface Choice {
  /** Unique among the choices (a Service port is `value/protocol`: 53/UDP and 53/TCP differ). */
  readonly key: string;
  /** What goes into the request (`--to`). */
  readonly value: string;
  readonly label: string;
  readonly group: ChoiceGroup;
  /** A Service port's protocol: choosing it sets the request's protocol too. */
  readonly protocol?: Protocol;
}

/** An address outside the cluster (TEST-NET-3, RFC 5737). */
export const OUTSIDE_CLIENT = '203.0.113.7';

/** A ReplicaSet pod's name without its template hash (`deploy-nginx…2xkqp`), as the topology shows it. */
export function shortPodName(name: string): string {
  const m = /^(.+)-[a-z0-9]{6,10}-([a-z0-9]{5})$/.exec(name);
  return m ? `${m[1]!}…${m[2]!}` : name;
}

function podsWithAddress(cluster: ClusterModel) {
  return cluster.pods.filter((p) => p.ip !== null && p.nodeName !== null && !p.hostNetwork);
}

export function sourceChoices(cluster: ClusterModel): Choice[] {
  return [
    ...podsWithAddress(cluster).map((p) => ({
      key: `${p.namespace}/${p.name}`,
      value: `${p.namespace}/${p.name}`,
      label: `${shortPodName(p.name)} · ${p.ip!} · ${p.nodeName!}`,
      group: 'pods' as const,
    })),
    ...cluster.nodes.map((n) => ({
      key: n.name,
      value: n.name,
      label: `${n.name} · ${n.internalIP}`,
      group: 'nodes' as const,
    })),
    { key: OUTSIDE_CLIENT, value: OUTSIDE_CLIENT, label: OUTSIDE_CLIENT, group: 'outside' },
  ];
}

export function targetChoices(cluster: ClusterModel): Choice[] {
  const services: Choice[] = [];
  const nodePorts: Choice[] = [];
  const worker = cluster.nodes.find((n) => n.role === 'worker') ?? cluster.nodes[0];
  // The learner's Services first; the cluster's own (kubernetes, kube-dns) after them.
  const system = (ns: string, name: string) => ns === 'kube-system' || name === 'kubernetes';
  const ordered = [...cluster.services].sort(
    (a, b) =>
      Number(system(a.metadata?.namespace ?? 'default', a.metadata?.name ?? '')) -
      Number(system(b.metadata?.namespace ?? 'default', b.metadata?.name ?? '')),
  );
  for (const svc of ordered) {
    const ns = svc.metadata?.namespace ?? 'default';
    const name = svc.metadata?.name ?? '';
    const ip = svc.spec?.clusterIP;
    for (const port of svc.spec?.ports ?? []) {
      if (!port.port) continue;
      const proto = port.protocol ?? 'TCP';
      const protocol = proto.toLowerCase() as Protocol;
      if (ip && ip !== 'None') {
        const value = `${ns}/${name}:${port.port}`;
        services.push({
          key: `${value}/${protocol}`,
          value,
          label: `${name} · ${ip}:${port.port}/${proto}`,
          group: 'services',
          protocol,
        });
      }
      if (port.nodePort && worker) {
        const value = `${worker.internalIP}:${port.nodePort}`;
        nodePorts.push({
          key: `${value}/${protocol}`,
          value,
          label: `${name} · ${worker.name} ${worker.internalIP}:${port.nodePort}/${proto}`,
          group: 'nodePorts',
          protocol,
        });
      }
    }
  }
  const pods = podsWithAddress(cluster).map((p) => {
    const port = p.containers.flatMap((c) => c.ports)[0]?.containerPort ?? 80;
    return {
      key: `${p.namespace}/${p.name}:${port}`,
      value: `${p.namespace}/${p.name}:${port}`,
      label: `${shortPodName(p.name)} · ${p.ip!}:${port}`,
      group: 'podPorts' as const,
    };
  });
  return [...services, ...nodePorts, ...pods];
}

/**
 * The choice a request value stands for: the same value, or the short form the CLI also takes
 * (`client` for `default/client`, `clusterip-service` for its first port), preferring the one with
 * the request's protocol. Null: a free value.
 */
export function matchChoice(
  value: string,
  protocol: Protocol | null,
  choices: readonly Choice[],
): Choice | null {
  const full = value.includes('/') ? value : `default/${value}`;
  let found = choices.filter((c) => c.value === value || c.value === full);
  if (found.length === 0)
    found = choices.filter((c) => c.group === 'services' && c.value.startsWith(`${full}:`));
  return found.find((c) => !protocol || !c.protocol || c.protocol === protocol) ?? null;
}
