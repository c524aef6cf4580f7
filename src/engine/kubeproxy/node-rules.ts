/**
 * kube-proxy on one node of a ClusterModel: its restore document, and the kernel tables after it
 * ran, printed in any of the three forms a user meets on a real machine.
 */
import type { ClusterModel } from '../k8s/cluster-model.ts';
import { printSavedTables, printSavedTablesS, type SavedTables } from '../iptables/restore-save.ts';
import { renderS, renderSave } from '../iptables/save.ts';
import type { Ruleset } from '../iptables/ruleset.ts';
import type { ProxierConfig } from './config.ts';
import { loadRestore, savedTablesAfterSync, withKubeProxyJumps } from './kernel.ts';
import { proxierConfigForNode } from './node-config.ts';
import { formatRestoreDocument, type RestoreDocument } from './restore-document.ts';
import { generateRestoreDocument } from './generate.ts';

/** `restore`: what kube-proxy writes; `save`: `iptables-save`; `S`: `iptables -t T -S`. */
export type RuleFormat = 'restore' | 'save' | 'S';
export type RuleTable = 'nat' | 'filter';

export interface NodeRules {
  readonly node: string;
  readonly config: ProxierConfig;
  readonly document: RestoreDocument;
  /** The kernel tables after the sync, loaded on first use (printing them does not need it). */
  readonly ruleset: Ruleset;
}

/** Runs one full kube-proxy sync on `nodeName`; throws if the node does not exist. */
export function computeNodeRules(cluster: ClusterModel, nodeName: string): NodeRules {
  const node = cluster.nodes.find((n) => n.name === nodeName);
  if (!node) throw new Error(`node "${nodeName}" not found`);
  const config = proxierConfigForNode(cluster, node);
  const document = generateRestoreDocument(
    { services: cluster.services, endpointSlices: cluster.endpointSlices },
    config,
  );
  return nodeRulesOf(nodeName, config, document);
}

/** A node's rules from its kube-proxy configuration and the restore document of its sync. */
export function nodeRulesOf(
  node: string,
  config: ProxierConfig,
  document: RestoreDocument,
): NodeRules {
  let ruleset: Ruleset | undefined;
  return {
    node,
    config,
    document,
    get ruleset() {
      return (ruleset ??= loadKernel(config, document));
    },
  };
}

function loadKernel(config: ProxierConfig, document: RestoreDocument): Ruleset {
  const loaded = loadRestore(withKubeProxyJumps(config), formatRestoreDocument(document));
  // The generator only writes what iptables-restore accepts; a failure here is a bug.
  if (!loaded.ok) throw new Error(`kube-proxy's restore input was rejected: ${loaded.error}`);
  return loaded.ruleset;
}

/** The tables as iptables-save text, made once per NodeRules (null: print from the ruleset). */
const SAVED = new WeakMap<NodeRules, SavedTables | null>();

function savedTablesOf(rules: NodeRules): SavedTables | null {
  let saved = SAVED.get(rules);
  if (saved === undefined) {
    saved = savedTablesAfterSync(rules.config, rules.document);
    SAVED.set(rules, saved);
  }
  return saved;
}

/** Prints a node's rules; `table` limits the output to one table (`S` defaults to filter, like iptables). */
export function formatNodeRules(rules: NodeRules, format: RuleFormat, table?: RuleTable): string {
  switch (format) {
    case 'restore': {
      const doc = rules.document;
      if (!table) return formatRestoreDocument(doc);
      const only: RestoreDocument = {
        filter: table === 'filter' ? doc.filter : { chains: [], lines: [] },
        nat: table === 'nat' ? doc.nat : { chains: [], lines: [] },
      };
      const text = formatRestoreDocument(only);
      // Keep just the requested table's block.
      const start = text.indexOf(`*${table}\n`);
      return text.slice(start, text.indexOf('COMMIT\n', start) + 'COMMIT\n'.length);
    }
    case 'save': {
      const saved = savedTablesOf(rules);
      const tables = table ? [table] : undefined;
      return saved ? printSavedTables(saved, tables) : renderSave(rules.ruleset, tables);
    }
    case 'S': {
      const saved = savedTablesOf(rules);
      return saved
        ? printSavedTablesS(saved, table ?? 'filter')
        : renderS(rules.ruleset, table ?? 'filter');
    }
  }
}

export function renderNodeRules(
  cluster: ClusterModel,
  options: { node: string; format: RuleFormat; table?: RuleTable },
): string {
  return formatNodeRules(computeNodeRules(cluster, options.node), options.format, options.table);
}
