/**
 * Installs the CNI's own iptables rules on top of a node's kernel tables (normally kube-proxy's,
 * from `computeNodeRules`), with `applyCommand` as the CNI's `iptables` calls would.
 */
import type { ClusterModel, ClusterNode } from '../k8s/cluster-model.ts';
import { applyCommand } from '../iptables/command.ts';
import type { Ruleset } from '../iptables/ruleset.ts';
import { computeNodeRules } from '../kubeproxy/node-rules.ts';
import { DOCKER_CHAINS, dockerRuleCommands } from './docker-rules.ts';
import type { IpSet } from './ipset.ts';
import type { ChainSpec, RuleCommand } from './rule-command.ts';
import { WEAVE_CHAINS, weaveIpSets, weaveRuleCommands } from './weave-rules.ts';

/** A node's tables after the CNI ran, and the ipsets its rules refer to. */
export interface CniRules {
  /** The kernel tables. */
  readonly ruleset: Ruleset;
  /** ipsets (Weave: `weaver-no-masq-local` and weave-npc's default-allow sets; Docker: none). */
  readonly ipsets: readonly IpSet[];
  /** The commands that were run, in order (chain creation included), for showing or replaying. */
  readonly commands: readonly RuleCommand[];
}

function run(ruleset: Ruleset, c: RuleCommand): Ruleset {
  const r = applyCommand(ruleset, c.table, c.words);
  // The commands are fixed texts; a failure is a bug in them, not in the user's input.
  if (!r.ok) throw new Error(`iptables -t ${c.table} ${c.words.join(' ')}: ${r.error.message}`);
  return r.value;
}

function chainCommands(ruleset: Ruleset, chains: readonly ChainSpec[]): RuleCommand[] {
  return chains
    .filter((c) => !ruleset.tables[c.table].chains.has(c.name))
    .map((c) => ({ table: c.table, words: ['-N', c.name] }));
}

/**
 * Adds what the cluster's CNI adds on `node` to `ruleset`.
 *
 * @example
 * const { ruleset } = installCniRules(computeNodeRules(cluster, 'node2').ruleset, node2, cluster);
 * renderSave(ruleset, ['filter']); // Weave's FORWARD rules above kube-proxy's
 */
export function installCniRules(
  ruleset: Ruleset,
  node: ClusterNode,
  cluster: ClusterModel,
): CniRules {
  const weave = cluster.cni === 'weave';
  const commands = [
    ...chainCommands(ruleset, weave ? WEAVE_CHAINS : DOCKER_CHAINS),
    ...(weave ? weaveRuleCommands(cluster) : dockerRuleCommands(node)),
  ];
  let rs = ruleset;
  for (const c of commands) rs = run(rs, c);
  return { ruleset: rs, ipsets: weave ? weaveIpSets(cluster, node) : [], commands };
}

/**
 * A node's complete kernel tables: kube-proxy's full sync, then the CNI's rules on top (Weave
 * starts after kube-proxy; Docker's rules end up below kube-proxy's jumps either way).
 *
 * @example
 * renderSave(nodeTables(cluster, 'node2').ruleset);
 */
export function nodeTables(cluster: ClusterModel, nodeName: string): CniRules {
  const node = cluster.nodes.find((n) => n.name === nodeName);
  if (!node) throw new Error(`node "${nodeName}" not found`);
  return installCniRules(computeNodeRules(cluster, nodeName).ruleset, node, cluster);
}
