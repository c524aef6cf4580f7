/**
 * Everything kube-proxy writes for one service port (kube-proxy-iptables.md §3.3, §4.2–§4.7).
 */
import { cidrContains, parseCidr, parseIp } from '../net/ip.ts';
import { endpointChainName, endpointChainNamer } from './chain-names.ts';
import type { ProxierConfig } from './config.ts';
import type { DetectorFragments } from './detector.ts';
import type { CategorizedEndpoints, EndpointInfo } from './endpoints.ts';
import { probabilityText } from './probability.ts';
import type { RuleOrigin } from './restore-document.ts';
import type { TableBuilder } from './table-builder.ts';
import { isExternallyAccessible, type ServicePortInfo } from './service-port.ts';

/** A REJECT/DROP written to the filter table when a port has no (local) endpoints. */
export interface Verdict {
  readonly target: 'REJECT' | 'DROP';
  readonly comment: string;
}

/** The decisions of §3.3 for one service port. */
export interface PortPlan {
  readonly sp: ServicePortInfo;
  readonly allEndpoints: readonly EndpointInfo[];
  readonly endpoints: CategorizedEndpoints;
  readonly svcChain: string;
  readonly svlChain: string;
  readonly extChain: string;
  readonly fwChain: string;
  readonly internalChain: string;
  readonly externalPolicyChain: string;
  readonly hasInternalEndpoints: boolean;
  readonly hasExternalEndpoints: boolean;
  readonly usesExternalChain: boolean;
  readonly usesFwChain: boolean;
  readonly usesClusterPolicyChain: boolean;
  readonly usesLocalPolicyChain: boolean;
  readonly internalVerdict: Verdict | null;
  readonly externalVerdict: Verdict | null;
  /**
   * No earlier port of this sync has the same service-port name and protocol, so none of this
   * port's chains (named by hashing them) can be declared already.
   */
  readonly newName: boolean;
  /** KUBE-SEP chain of each reachable endpoint, by endpoint string (each name is hashed once). */
  readonly sepChains: ReadonlyMap<string, string>;
}

export function planServicePort(
  sp: ServicePortInfo,
  allEndpoints: readonly EndpointInfo[],
  endpoints: CategorizedEndpoints,
  config: ProxierConfig,
  newName = false,
): PortPlan {
  void config;
  const svcChain = `KUBE-SVC-${sp.hash}`;
  const svlChain = `KUBE-SVL-${sp.hash}`;
  const { hasEndpoints } = endpoints;
  const noLocal = endpoints.local.length === 0;
  const hasInternalEndpoints = hasEndpoints && !(sp.internalPolicyLocal && noLocal);
  const hasExternalEndpoints = hasEndpoints && !(sp.externalPolicyLocal && noLocal);
  const usesFwChain =
    hasEndpoints && sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0;
  let internalVerdict: Verdict | null = null;
  let externalVerdict: Verdict | null = null;
  if (!hasEndpoints) {
    internalVerdict = externalVerdict = {
      target: 'REJECT',
      comment: `"${sp.portName} has no endpoints"`,
    };
  } else {
    const drop: Verdict = { target: 'DROP', comment: `"${sp.portName} has no local endpoints"` };
    if (!hasInternalEndpoints) internalVerdict = drop;
    if (!hasExternalEndpoints) externalVerdict = drop;
  }
  return {
    sp,
    allEndpoints,
    endpoints,
    svcChain,
    svlChain,
    extChain: `KUBE-EXT-${sp.hash}`,
    fwChain: `KUBE-FW-${sp.hash}`,
    internalChain: sp.internalPolicyLocal ? svlChain : svcChain,
    externalPolicyChain: sp.externalPolicyLocal ? svlChain : svcChain,
    hasInternalEndpoints,
    hasExternalEndpoints,
    usesExternalChain: hasEndpoints && isExternallyAccessible(sp),
    usesFwChain,
    usesClusterPolicyChain:
      endpoints.cluster.length > 0 && (!sp.internalPolicyLocal || isExternallyAccessible(sp)),
    usesLocalPolicyChain:
      endpoints.local.length > 0 &&
      (sp.internalPolicyLocal || (sp.externalPolicyLocal && isExternallyAccessible(sp))),
    internalVerdict,
    externalVerdict,
    newName,
    sepChains: endpointChains(sp, endpoints.reachable),
  };
}

function endpointChains(
  sp: ServicePortInfo,
  endpoints: readonly EndpointInfo[],
): Map<string, string> {
  const chains = new Map<string, string>();
  const nameOf = endpointChainNamer(sp.portName, sp.protocol);
  for (const ep of endpoints) chains.set(ep.endpoint, nameOf(ep.endpoint));
  return chains;
}

/** The KUBE-SEP chain of one of the port's endpoints. */
function sepChainOf(plan: PortPlan, ep: EndpointInfo): string {
  const { sp } = plan;
  return (
    plan.sepChains.get(ep.endpoint) ?? endpointChainName(sp.portName, sp.protocol, ep.endpoint)
  );
}

export interface WriteContext {
  readonly config: ProxierConfig;
  readonly detector: DetectorFragments;
  /** Above the endpoint threshold: no comments on SEP rules and SVC→SEP jumps (§6.2). */
  readonly largeCluster: boolean;
}

/** Writes the port's filter and nat rules (`writeChains` false: the entry rules only). */
export function writeServicePort(
  plan: PortPlan,
  ctx: WriteContext,
  filter: TableBuilder,
  nat: TableBuilder,
  writeChains = true,
): void {
  const { sp } = plan;
  const origin: RuleOrigin = { service: `${sp.namespace}/${sp.name}`, portName: sp.portName };
  const P = sp.portName;
  const proto = `-m ${sp.protocol} -p ${sp.protocol}`;
  const dst = (ip: string, port: number) => `-d ${ip} --dport ${port}`;
  const comment = (text: string) => `-m comment --comment "${text}"`;
  const verdictRule = (v: Verdict) => [`-m comment --comment ${v.comment}`];

  // §4.2 item 1: the cluster IP.
  if (plan.hasInternalEndpoints) {
    nat.add(
      'KUBE-SERVICES',
      [comment(`${P} cluster IP`), proto, dst(sp.clusterIP, sp.port), `-j ${plan.internalChain}`],
      origin,
    );
  } else if (plan.internalVerdict) {
    const v = plan.internalVerdict;
    filter.add(
      'KUBE-SERVICES',
      [...verdictRule(v), proto, dst(sp.clusterIP, sp.port), `-j ${v.target}`],
      origin,
    );
  }
  // Item 2: external IPs.
  for (const ip of sp.externalIPs) {
    if (plan.endpoints.hasEndpoints) {
      nat.add(
        'KUBE-SERVICES',
        [comment(`${P} external IP`), proto, dst(ip, sp.port), `-j ${plan.extChain}`],
        origin,
      );
    }
    if (plan.externalVerdict) {
      const v = plan.externalVerdict;
      filter.add(
        'KUBE-EXTERNAL-SERVICES',
        [...verdictRule(v), proto, dst(ip, sp.port), `-j ${v.target}`],
        origin,
      );
    }
  }
  // Item 3: load-balancer VIPs.
  for (const ip of sp.loadBalancerVIPs) {
    if (plan.endpoints.hasEndpoints) {
      const target = plan.usesFwChain ? plan.fwChain : plan.extChain;
      nat.add(
        'KUBE-SERVICES',
        [comment(`${P} loadbalancer IP`), proto, dst(ip, sp.port), `-j ${target}`],
        origin,
      );
    }
    if (plan.usesFwChain) {
      filter.add(
        'KUBE-PROXY-FIREWALL',
        [
          comment(`${P} traffic not accepted by ${plan.fwChain}`),
          proto,
          dst(ip, sp.port),
          '-j DROP',
        ],
        origin,
      );
    }
  }
  // Item 4.
  if (plan.externalVerdict) {
    const v = plan.externalVerdict;
    for (const ip of sp.loadBalancerVIPs) {
      filter.add(
        'KUBE-EXTERNAL-SERVICES',
        [...verdictRule(v), proto, dst(ip, sp.port), `-j ${v.target}`],
        origin,
      );
    }
  }
  // Item 5: the NodePort.
  if (sp.nodePort !== 0) {
    if (plan.endpoints.hasEndpoints) {
      const c = ctx.config;
      if (c.family === 4 && c.localhostNodePorts && c.nfacct.localhostNpsAcceptedPkts) {
        nat.add(
          'KUBE-NODEPORTS',
          [
            `-m comment --comment ${P}`,
            proto,
            `-d 127.0.0.0/8 --dport ${sp.nodePort}`,
            '-m nfacct --nfacct-name localhost_nps_accepted_pkts',
            `-j ${plan.extChain}`,
          ],
          origin,
        );
      }
      nat.add(
        'KUBE-NODEPORTS',
        [`-m comment --comment ${P}`, proto, `--dport ${sp.nodePort}`, `-j ${plan.extChain}`],
        origin,
      );
    }
    if (plan.externalVerdict) {
      const v = plan.externalVerdict;
      filter.add(
        'KUBE-EXTERNAL-SERVICES',
        [
          ...verdictRule(v),
          '-m addrtype --dst-type LOCAL',
          proto,
          `--dport ${sp.nodePort}`,
          `-j ${v.target}`,
        ],
        origin,
      );
    }
  }
  // Item 6: the health-check NodePort (always TCP, whatever the endpoints).
  if (sp.healthCheckNodePort !== 0) {
    filter.add(
      'KUBE-NODEPORTS',
      [
        comment(`${P} health check node port`),
        '-m tcp -p tcp',
        `--dport ${sp.healthCheckNodePort}`,
        '-j ACCEPT',
      ],
      origin,
    );
  }

  // §7: a partial sync rewrites the chains of changed Services only; the others stay as they are.
  if (!writeChains) return;
  const declare = (chain: string) => (plan.newName ? nat.declareNew(chain) : nat.declare(chain));
  // §4.3: the internal masquerade rule.
  if (plan.hasInternalEndpoints) {
    const head = [comment(`${P} cluster IP`), proto, dst(sp.clusterIP, sp.port)];
    if (ctx.config.masqueradeAll) {
      nat.add(plan.internalChain, [...head, '-j KUBE-MARK-MASQ'], origin);
    } else if (ctx.detector.isNotLocal) {
      nat.add(plan.internalChain, [...head, ctx.detector.isNotLocal, '-j KUBE-MARK-MASQ'], origin);
    }
  }
  // §4.4: the external chain.
  if (plan.usesExternalChain) {
    declare(plan.extChain);
    if (!sp.externalPolicyLocal) {
      nat.add(
        plan.extChain,
        [comment(`masquerade traffic for ${P} external destinations`), '-j KUBE-MARK-MASQ'],
        origin,
      );
    } else {
      if (ctx.detector.isLocal) {
        nat.add(
          plan.extChain,
          [
            comment(`pod traffic for ${P} external destinations`),
            ctx.detector.isLocal,
            `-j ${plan.svcChain}`,
          ],
          origin,
        );
      }
      nat.add(
        plan.extChain,
        [
          comment(`masquerade LOCAL traffic for ${P} external destinations`),
          '-m addrtype --src-type LOCAL',
          '-j KUBE-MARK-MASQ',
        ],
        origin,
      );
      nat.add(
        plan.extChain,
        [
          comment(`route LOCAL traffic for ${P} external destinations`),
          '-m addrtype --src-type LOCAL',
          `-j ${plan.svcChain}`,
        ],
        origin,
      );
    }
    if (plan.hasExternalEndpoints)
      nat.add(plan.extChain, [`-j ${plan.externalPolicyChain}`], origin);
  }
  // §4.5: the load-balancer firewall chain.
  if (plan.usesFwChain) {
    declare(plan.fwChain);
    const lb = comment(`${P} loadbalancer IP`);
    for (const range of sp.loadBalancerSourceRanges)
      nat.add(plan.fwChain, [lb, `-s ${range}`, `-j ${plan.extChain}`], origin);
    if (sourceRangesContainNodeIP(sp, ctx.config)) {
      for (const ip of sp.loadBalancerVIPs)
        nat.add(plan.fwChain, [lb, `-s ${ip}`, `-j ${plan.extChain}`], origin);
    }
    nat.add(
      plan.fwChain,
      [comment(`other traffic to ${P} will be dropped by KUBE-PROXY-FIREWALL`)],
      origin,
    );
  }
  // The endpoint rules of one endpoint share one origin.
  const origins = new Map<string, RuleOrigin>();
  const originOf = (ep: EndpointInfo): RuleOrigin => {
    let o = origins.get(ep.endpoint);
    if (!o) {
      o = { service: origin.service, portName: origin.portName, endpoint: ep.endpoint };
      origins.set(ep.endpoint, o);
    }
    return o;
  };
  // §4.6: dispatch chains.
  if (plan.usesClusterPolicyChain) {
    declare(plan.svcChain);
    writeDispatch(nat, plan.svcChain, plan.endpoints.cluster, plan, ctx, originOf);
  }
  if (plan.usesLocalPolicyChain) {
    declare(plan.svlChain);
    writeDispatch(nat, plan.svlChain, plan.endpoints.local, plan, ctx, originOf);
  }
  // §4.7: one chain per reachable endpoint.
  const c = ctx.largeCluster ? null : `-m comment --comment ${P}`;
  for (const ep of plan.endpoints.reachable) {
    const sep = sepChainOf(plan, ep);
    declare(sep);
    const epOrigin = originOf(ep);
    nat.add(sep, [c, `-s ${ep.ip}`, '-j KUBE-MARK-MASQ'], epOrigin);
    nat.add(
      sep,
      [
        c,
        sp.stickySeconds > 0 && `-m recent --name ${sep} --set`,
        proto,
        `-j DNAT --to-destination ${ep.endpoint}`,
      ],
      epOrigin,
    );
  }
}

/** The nat chains this port owns in the kernel (kept by stale-chain cleanup, §4.8). */
export function activeChainsOf(plan: PortPlan): string[] {
  const active: string[] = [];
  if (plan.usesExternalChain) active.push(plan.extChain);
  if (plan.usesFwChain) active.push(plan.fwChain);
  if (plan.usesClusterPolicyChain) active.push(plan.svcChain);
  if (plan.usesLocalPolicyChain) active.push(plan.svlChain);
  for (const ep of plan.endpoints.reachable) active.push(sepChainOf(plan, ep));
  return active;
}

function writeDispatch(
  nat: TableBuilder,
  chain: string,
  endpoints: readonly EndpointInfo[],
  plan: PortPlan,
  ctx: WriteContext,
  originOf: (ep: EndpointInfo) => RuleOrigin,
): void {
  const { sp } = plan;
  const commentFor = (ep: EndpointInfo) =>
    ctx.largeCluster ? null : `-m comment --comment "${sp.portName} -> ${ep.endpoint}"`;
  if (sp.stickySeconds > 0) {
    for (const ep of endpoints) {
      const sep = sepChainOf(plan, ep);
      nat.add(
        chain,
        [
          commentFor(ep),
          `-m recent --name ${sep} --rcheck --seconds ${sp.stickySeconds} --reap`,
          `-j ${sep}`,
        ],
        originOf(ep),
      );
    }
  }
  const n = endpoints.length;
  for (let i = 0; i < n; i++) {
    const ep = endpoints[i]!;
    const prob = i < n - 1 && `-m statistic --mode random --probability ${probabilityText(n - i)}`;
    nat.add(chain, [commentFor(ep), prob, `-j ${sepChainOf(plan, ep)}`], originOf(ep));
  }
}

function sourceRangesContainNodeIP(sp: ServicePortInfo, config: ProxierConfig): boolean {
  const nodeIP = config.nodeIP ? parseIp(config.nodeIP) : null;
  if (!nodeIP) return false;
  return sp.loadBalancerSourceRanges.some((r) => {
    const cidr = parseCidr(r);
    return cidr !== null && cidrContains(cidr, nodeIP);
  });
}
