/**
 * What Weave Net 2.8.1 puts into a node's iptables (datapath.md §4.5): the router's INPUT rules
 * (appended), its six FORWARD rules (inserted at the top, so above kube-proxy's, which ran first),
 * weave-npc's chains with their base rules and one DefaultAllow rule per namespace (no
 * NetworkPolicies are modelled, so every pod is default-allowed), and nat `WEAVE`, which
 * masquerades traffic between the pod range and the rest of the world.
 */
import type { ClusterModel, ClusterNode } from '../k8s/cluster-model.ts';
import { WEAVE_FASTDP_PORT, WEAVE_NFLOG_GROUP, WEAVE_NPC_EGRESS_MARK } from './constants.ts';
import type { IpSet } from './ipset.ts';
import type { ChainSpec, RuleCommand } from './rule-command.ts';
import { command } from './rule-command.ts';
import { hasPodNetwork } from './sandboxes.ts';
import { egressDefaultAllowSet, ingressDefaultAllowSet } from './weave-npc-names.ts';

/** The ipset of IPAM ranges this node owns (`NO_MASQ_LOCAL`). */
export const NO_MASQ_LOCAL_SET = 'weaver-no-masq-local';

/** Namespaces a kubeadm cluster always has. */
const KUBEADM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

const NOTE = "NOTE: this must go before '-j KUBE-FORWARD'";
const BLOCK_CONTROL_PORT = 'Block non-local access to Weave Net control port';
const PREVENT_SNAT = 'Prevent SNAT to locally running containers';

/** weave-npc's filter chains and the router's nat chain. */
export const WEAVE_CHAINS: readonly ChainSpec[] = [
  ...[
    'WEAVE-NPC',
    'WEAVE-NPC-DEFAULT',
    'WEAVE-NPC-INGRESS',
    'WEAVE-NPC-EGRESS',
    'WEAVE-NPC-EGRESS-DEFAULT',
    'WEAVE-NPC-EGRESS-CUSTOM',
    'WEAVE-NPC-EGRESS-ACCEPT',
  ].map((name) => ({ table: 'filter' as const, name })),
  { table: 'nat', name: 'WEAVE' },
];

/** Namespaces weave-npc knows: kubeadm's four plus every namespace objects live in, sorted. */
export function weaveNamespaces(cluster: ClusterModel): string[] {
  const names = new Set(KUBEADM_NAMESPACES);
  for (const p of cluster.pods) names.add(p.namespace);
  for (const s of cluster.services) if (s.metadata?.namespace) names.add(s.metadata.namespace);
  return [...names].sort();
}

/** weave-npc's base rules in `WEAVE-NPC`, `WEAVE-NPC-EGRESS` and `WEAVE-NPC-EGRESS-ACCEPT`. */
function npcBaseRules(): RuleCommand[] {
  const mark = WEAVE_NPC_EGRESS_MARK;
  return [
    command('filter', '-A WEAVE-NPC -m state --state RELATED,ESTABLISHED -j ACCEPT'),
    command('filter', '-A WEAVE-NPC -d 224.0.0.0/4 -j ACCEPT'),
    command(
      'filter',
      '-A WEAVE-NPC -m physdev --physdev-out vethwe-bridge --physdev-is-bridged -j ACCEPT',
    ),
    command('filter', '-A WEAVE-NPC -m state --state NEW -j WEAVE-NPC-DEFAULT'),
    command('filter', '-A WEAVE-NPC -m state --state NEW -j WEAVE-NPC-INGRESS'),
    command('filter', '-A WEAVE-NPC-EGRESS -m state --state RELATED,ESTABLISHED -j ACCEPT'),
    command(
      'filter',
      '-A WEAVE-NPC-EGRESS -m physdev --physdev-in vethwe-bridge --physdev-is-bridged -j RETURN',
    ),
    command('filter', '-A WEAVE-NPC-EGRESS -m addrtype --dst-type LOCAL -j RETURN'),
    command('filter', '-A WEAVE-NPC-EGRESS -d 224.0.0.0/4 -j RETURN'),
    command('filter', '-A WEAVE-NPC-EGRESS -m state --state NEW -j WEAVE-NPC-EGRESS-DEFAULT'),
    command(
      'filter',
      `-A WEAVE-NPC-EGRESS -m state --state NEW -m mark ! --mark ${mark} -j WEAVE-NPC-EGRESS-CUSTOM`,
    ),
    command('filter', `-A WEAVE-NPC-EGRESS-ACCEPT -j MARK --set-xmark ${mark}`),
  ];
}

/** weave-npc's `bypassRules`: a namespace's pods are allowed in and out while no policy selects them. */
function defaultAllowRules(namespace: string): RuleCommand[] {
  const ingress = ingressDefaultAllowSet(namespace);
  const egress = egressDefaultAllowSet(namespace);
  const inComment = `DefaultAllow ingress isolation for namespace: ${namespace}`;
  const outComment = `DefaultAllow egress isolation for namespace: ${namespace}`;
  const set = (chain: string, name: string, dir: string) =>
    ['-A', chain, '-m', 'set', '--match-set', name, dir, '-m', 'comment', '--comment'] as const;
  return [
    {
      table: 'filter',
      words: [...set('WEAVE-NPC-DEFAULT', ingress, 'dst'), inComment, '-j', 'ACCEPT'],
    },
    {
      table: 'filter',
      words: [
        ...set('WEAVE-NPC-EGRESS-DEFAULT', egress, 'src'),
        outComment,
        '-j',
        'WEAVE-NPC-EGRESS-ACCEPT',
      ],
    },
    {
      table: 'filter',
      words: [...set('WEAVE-NPC-EGRESS-DEFAULT', egress, 'src'), outComment, '-j', 'RETURN'],
    },
  ];
}

/** The router's INPUT and FORWARD rules (FORWARD inserted at positions 1–6). */
function routerFilterRules(): RuleCommand[] {
  const forward = [
    command('filter', '-i weave -m comment --comment', NOTE, '-j', 'WEAVE-NPC-EGRESS'),
    command('filter', '-o weave -m comment --comment', NOTE, '-j', 'WEAVE-NPC'),
    command('filter', `-o weave -m state --state NEW -j NFLOG --nflog-group ${WEAVE_NFLOG_GROUP}`),
    command('filter', '-o weave -j DROP'),
    command('filter', '-i weave ! -o weave -j ACCEPT'),
    command('filter', '-o weave -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT'),
  ];
  return [
    command(
      'filter',
      `-A INPUT -d 127.0.0.1/32 -p tcp -m tcp --dport ${WEAVE_FASTDP_PORT} -m addrtype ! --src-type LOCAL -m conntrack ! --ctstate RELATED,ESTABLISHED -m comment --comment`,
      BLOCK_CONTROL_PORT,
      '-j',
      'DROP',
    ),
    command('filter', '-A INPUT -i weave -j WEAVE-NPC-EGRESS'),
    ...forward.map((c, i) => ({
      table: c.table,
      words: ['-I', 'FORWARD', String(i + 1), ...c.words],
    })),
  ];
}

/** The router's nat rules: `POSTROUTING -j WEAVE` and the WEAVE chain for the allocation range. */
function routerNatRules(range: string): RuleCommand[] {
  return [
    command('nat', '-A POSTROUTING -j WEAVE'),
    command(
      'nat',
      `-A WEAVE -m set --match-set ${NO_MASQ_LOCAL_SET} dst -m comment --comment`,
      PREVENT_SNAT,
      '-j',
      'RETURN',
    ),
    command('nat', `-A WEAVE -s ${range} -d 224.0.0.0/4 -j RETURN`),
    command('nat', `-A WEAVE ! -s ${range} -d ${range} -j MASQUERADE`),
    command('nat', `-A WEAVE -s ${range} ! -d ${range} -j MASQUERADE`),
  ];
}

/** Every command Weave (router and weave-npc) runs on a node, in order. */
export function weaveRuleCommands(cluster: ClusterModel): RuleCommand[] {
  return [
    ...npcBaseRules(),
    ...weaveNamespaces(cluster).flatMap(defaultAllowRules),
    ...routerFilterRules(),
    ...routerNatRules(cluster.podNetworkCIDR),
  ];
}

/**
 * Weave's ipsets on `node`: `weaver-no-masq-local` (the IPAM ranges the node owns) and each
 * namespace's default-allow sets (every pod IP of the namespace, cluster-wide, since no
 * NetworkPolicy selects any pod).
 */
export function weaveIpSets(cluster: ClusterModel, node: ClusterNode): IpSet[] {
  const sets: IpSet[] = [
    {
      name: NO_MASQ_LOCAL_SET,
      type: 'hash:net',
      entries: node.podRanges.map((value) => ({ value, comment: null })),
    },
  ];
  for (const ns of weaveNamespaces(cluster)) {
    const entries = cluster.pods
      .filter((p) => p.namespace === ns && p.ip !== null && hasPodNetwork(p))
      .map((p) => ({ value: p.ip as string, comment: `${p.namespace}/${p.name}` }));
    sets.push({ name: ingressDefaultAllowSet(ns), type: 'hash:ip', entries });
    sets.push({ name: egressDefaultAllowSet(ns), type: 'hash:ip', entries });
  }
  return sets;
}
