/**
 * Rules kube-proxy keeps outside its restore document (kube-proxy-iptables.md §4.12): the
 * KUBE-PROXY-CANARY chains and the jumps from the built-in chains, each inserted at position 1
 * in this order on a full sync, so on a clean node they end up in reverse order.
 */
export interface JumpRule {
  readonly table: 'filter' | 'nat';
  readonly chain: string;
  /** The user chain the rule jumps to (created first if missing). */
  readonly target: string;
  /** Arguments between the chain and `-j`. */
  readonly args: string;
}

const NEW = '-m conntrack --ctstate NEW';
const c = (text: string) => `-m comment --comment "${text}"`;

/** In kube-proxy's insertion order. */
export function kubeProxyJumpRules(): JumpRule[] {
  const rules: JumpRule[] = [
    {
      table: 'filter',
      chain: 'INPUT',
      target: 'KUBE-EXTERNAL-SERVICES',
      args: `${NEW} ${c('kubernetes externally-visible service portals')}`,
    },
    {
      table: 'filter',
      chain: 'FORWARD',
      target: 'KUBE-EXTERNAL-SERVICES',
      args: `${NEW} ${c('kubernetes externally-visible service portals')}`,
    },
    {
      table: 'filter',
      chain: 'INPUT',
      target: 'KUBE-NODEPORTS',
      args: c('kubernetes health check service ports'),
    },
    {
      table: 'filter',
      chain: 'FORWARD',
      target: 'KUBE-SERVICES',
      args: `${NEW} ${c('kubernetes service portals')}`,
    },
    {
      table: 'filter',
      chain: 'OUTPUT',
      target: 'KUBE-SERVICES',
      args: `${NEW} ${c('kubernetes service portals')}`,
    },
    {
      table: 'filter',
      chain: 'FORWARD',
      target: 'KUBE-FORWARD',
      args: c('kubernetes forwarding rules'),
    },
    {
      table: 'filter',
      chain: 'INPUT',
      target: 'KUBE-PROXY-FIREWALL',
      args: `${NEW} ${c('kubernetes load balancer firewall')}`,
    },
    {
      table: 'filter',
      chain: 'OUTPUT',
      target: 'KUBE-PROXY-FIREWALL',
      args: `${NEW} ${c('kubernetes load balancer firewall')}`,
    },
    {
      table: 'filter',
      chain: 'FORWARD',
      target: 'KUBE-PROXY-FIREWALL',
      args: `${NEW} ${c('kubernetes load balancer firewall')}`,
    },
    {
      table: 'nat',
      chain: 'OUTPUT',
      target: 'KUBE-SERVICES',
      args: c('kubernetes service portals'),
    },
    {
      table: 'nat',
      chain: 'PREROUTING',
      target: 'KUBE-SERVICES',
      args: c('kubernetes service portals'),
    },
    {
      table: 'nat',
      chain: 'POSTROUTING',
      target: 'KUBE-POSTROUTING',
      args: c('kubernetes postrouting rules'),
    },
  ];
  // kubelet's anti-martian chain, which kube-proxy also ensures (the chain stays empty unless
  // IPv4 localhost NodePorts need its rule: the IPv6 conformance case shows the jumps anyway).
  rules.push(
    { table: 'filter', chain: 'INPUT', target: 'KUBE-FIREWALL', args: '' },
    { table: 'filter', chain: 'OUTPUT', target: 'KUBE-FIREWALL', args: '' },
  );
  return rules;
}

/** Tables that get an empty KUBE-PROXY-CANARY chain. */
export const CANARY_TABLES = ['mangle', 'nat', 'filter'] as const;
