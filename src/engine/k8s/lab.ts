/**
 * podpath's default lab: a kubeadm cluster like the article's (`master` + workers on
 * 192.168.56.0/24), shaped by the optional `podpath.dev/v1alpha1` Lab header.
 */
import { cidrContains, formatCidr, parseCidr, type Cidr } from '../net/ip.ts';
import type { Lab, Node } from './api-types.ts';
import type { CniKind } from './cluster-model.ts';
import { invalid, notSupported, type FieldError } from './field-errors.ts';
import { cidrErrors } from './validate-meta.ts';

export interface LabSettings {
  /** Worker nodes node1…nodeN. */
  readonly workers: number;
  readonly cni: CniKind;
  readonly serviceCIDR: Cidr;
  /** Weave's IPALLOC_RANGE. */
  readonly podNetworkCIDR: Cidr;
}

export const MAX_WORKERS = 50;
/** The lab's node LAN (VirtualBox host-only network in the article). */
export const NODE_LAN = '192.168.56.0/24';
export const CONTROL_PLANE_IP = '192.168.56.10';
export const CONTROL_PLANE_TAINT = 'node-role.kubernetes.io/control-plane';

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`bad built-in CIDR ${text}`);
  return parsed;
}

export const DEFAULT_LAB: LabSettings = {
  workers: 2,
  cni: 'weave',
  serviceCIDR: cidr('10.96.0.0/12'),
  podNetworkCIDR: cidr('10.32.0.0/12'),
};

function overlaps(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b.ip) || cidrContains(b, a.ip);
}

/** The Lab header's checks (podpath's own rules, in the API server's words). */
export function validateLab(lab: Lab): FieldError[] {
  const errs: FieldError[] = [];
  const spec = lab.spec ?? {};
  if (spec.workers !== undefined && (spec.workers < 0 || spec.workers > MAX_WORKERS)) {
    errs.push(
      invalid(['spec', 'workers'], spec.workers, `must be between 0 and ${MAX_WORKERS}, inclusive`),
    );
  }
  if (spec.cni !== undefined && spec.cni !== 'weave' && spec.cni !== 'docker')
    errs.push(notSupported(['spec', 'cni'], spec.cni, ['docker', 'weave']));
  const lan = cidr(NODE_LAN);
  const checked: Partial<Record<'serviceCIDR' | 'podNetworkCIDR', Cidr>> = {};
  for (const [key, min, max] of [
    ['serviceCIDR', 12, 28],
    ['podNetworkCIDR', 8, 24],
  ] as const) {
    const text = spec[key];
    if (text === undefined) continue;
    const cidrErrs = cidrErrors(['spec', key], text);
    const parsed = parseCidr(text);
    if (cidrErrs.length > 0 || !parsed) errs.push(...cidrErrs);
    else if (parsed.ip.family !== 4)
      errs.push(invalid(['spec', key], text, 'podpath labs are IPv4-only'));
    else if (parsed.prefix < min || parsed.prefix > max)
      errs.push(
        invalid(['spec', key], text, `the prefix length must be between /${min} and /${max}`),
      );
    else if (overlaps(parsed, lan))
      errs.push(invalid(['spec', key], text, `must not overlap the node network ${NODE_LAN}`));
    else checked[key] = parsed;
  }
  // The two ranges, given or defaulted, must not overlap (reported on a range the header gives).
  const service =
    checked.serviceCIDR ?? (spec.serviceCIDR === undefined ? DEFAULT_LAB.serviceCIDR : null);
  const pods =
    checked.podNetworkCIDR ??
    (spec.podNetworkCIDR === undefined ? DEFAULT_LAB.podNetworkCIDR : null);
  if (
    service &&
    pods &&
    overlaps(service, pods) &&
    (checked.serviceCIDR || checked.podNetworkCIDR)
  ) {
    const [key, other, otherRange] = checked.podNetworkCIDR
      ? (['podNetworkCIDR', 'serviceCIDR', service] as const)
      : (['serviceCIDR', 'podNetworkCIDR', pods] as const);
    errs.push(
      invalid(
        ['spec', key],
        spec[key] ?? '',
        `must not overlap ${other} ${formatCidr(otherRange)}`,
      ),
    );
  }
  return errs;
}

/** Settings from a (valid) Lab header, defaults for whatever it leaves out. */
export function labSettings(lab: Lab | undefined): LabSettings {
  const spec = lab?.spec ?? {};
  return {
    workers: spec.workers ?? DEFAULT_LAB.workers,
    cni: spec.cni === 'docker' ? 'docker' : 'weave',
    serviceCIDR: (spec.serviceCIDR && parseCidr(spec.serviceCIDR)) || DEFAULT_LAB.serviceCIDR,
    podNetworkCIDR:
      (spec.podNetworkCIDR && parseCidr(spec.podNetworkCIDR)) || DEFAULT_LAB.podNetworkCIDR,
  };
}

function labNode(name: string, ip: string, controlPlane: boolean): Node {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  if (controlPlane) {
    labels[CONTROL_PLANE_TAINT] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    spec: controlPlane ? { taints: [{ key: CONTROL_PLANE_TAINT, effect: 'NoSchedule' }] } : {},
    status: {
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: name },
      ],
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

/** The lab's Node objects in join order: `master` (192.168.56.10), then node1 (.11) … nodeN. */
export function labNodes(settings: LabSettings): Node[] {
  const nodes = [labNode('master', CONTROL_PLANE_IP, true)];
  for (let i = 1; i <= settings.workers; i++)
    nodes.push(labNode(`node${i}`, `192.168.56.${10 + i}`, false));
  return nodes;
}
