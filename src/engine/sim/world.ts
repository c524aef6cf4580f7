/**
 * The simulated cluster at run time: the network from the CNI model and, per node, its kernel
 * tables (kube-proxy's rules plus the CNI's, or a pasted `iptables-save`), a compiled evaluator,
 * the conntrack table and netfilter's per-rule state (counters, `recent` lists).
 */
import { buildNetwork } from '../cni/build-network.ts';
import { addressSpecs, ipSetLists } from '../cni/context-inputs.ts';
import { nodeTables } from '../cni/cni-rules.ts';
import type { ClusterNetwork, NodeNetwork } from '../cni/network-model.ts';
import type { Ruleset } from '../iptables/ruleset.ts';
import type { ClusterModel } from '../k8s/cluster-model.ts';
import type { Cidr } from '../net/ip.ts';
import { compileRuleset } from '../netfilter/compiled-ruleset.ts';
import type { InterfaceAddress } from '../netfilter/context.ts';
import { makeContext } from '../netfilter/context.ts';
import type { ConntrackTable } from '../netfilter/conntrack.ts';
import { createConntrackTable } from '../netfilter/conntrack.ts';
import { formatNetfilterError } from '../netfilter/errors.ts';
import type { EvalState } from '../netfilter/eval-state.ts';
import { createEvalState } from '../netfilter/eval-state.ts';
import type { RulesetEvaluator } from '../netfilter/ruleset-evaluator.ts';
import { fastEvaluator, linearEvaluator } from '../netfilter/ruleset-evaluator.ts';
import type { Rng } from './rng.ts';

export interface NodeRuntime {
  readonly name: string;
  readonly net: NodeNetwork;
  readonly ruleset: Ruleset;
  readonly evaluator: RulesetEvaluator;
  readonly conntrack: ConntrackTable;
  readonly state: EvalState;
  /** The host namespace's addresses (addrtype LOCAL, MASQUERADE's source). */
  readonly addresses: readonly InterfaceAddress[];
  readonly ipsets: ReadonlyMap<string, readonly Cidr[]>;
}

export interface World {
  readonly cluster: ClusterModel;
  readonly network: ClusterNetwork;
  readonly nodes: ReadonlyMap<string, NodeRuntime>;
  readonly rng: Rng;
  /** The simulated clock (ms); advanced by the simulator between packets. */
  nowMs: number;
}

export interface WorldOptions {
  /** Replace a node's kernel tables (e.g. an `iptables-save` pasted from a real node). */
  readonly rules?: readonly { readonly node: string; readonly ruleset: Ruleset }[];
  /** `fast` (default) or the `linear` oracle. */
  readonly evaluator?: 'fast' | 'linear';
}

export type WorldResult =
  { readonly ok: true; readonly world: World } | { readonly ok: false; readonly error: string };

export function createWorld(
  cluster: ClusterModel,
  rng: Rng,
  options: WorldOptions = {},
): WorldResult {
  const network = buildNetwork(cluster);
  const nodes = new Map<string, NodeRuntime>();
  for (const net of network.nodes) {
    const tables = nodeTables(cluster, net.node);
    const ruleset = options.rules?.find((r) => r.node === net.node)?.ruleset ?? tables.ruleset;
    let evaluator: RulesetEvaluator;
    if (options.evaluator === 'linear') {
      evaluator = linearEvaluator(ruleset);
    } else {
      const compiled = compileRuleset(ruleset);
      if (!compiled.ok)
        return { ok: false, error: `${net.node}: ${formatNetfilterError(compiled.error)}` };
      evaluator = fastEvaluator(compiled.value);
    }
    const ctx = makeContext({
      addresses: addressSpecs(net.host),
      ipsets: ipSetLists(tables.ipsets),
    });
    nodes.set(net.node, {
      name: net.node,
      net,
      ruleset,
      evaluator,
      conntrack: createConntrackTable(),
      state: createEvalState(),
      addresses: ctx.addresses,
      ipsets: ctx.ipsets,
    });
  }
  return { ok: true, world: { cluster, network, nodes, rng, nowMs: 0 } };
}
