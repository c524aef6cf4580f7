/**
 * The node's kernel tables after kube-proxy ran: its canary chains and jump rules (§4.12), then
 * its restore document loaded with `iptables-restore --noflush --counters`.
 */
import { applyCommand } from '../iptables/command.ts';
import { applyRestore } from '../iptables/restore.ts';
import {
  restoreSavedTables,
  type RestoreBlock,
  type SavedTables,
} from '../iptables/restore-save.ts';
import { emptyRuleset, type Ruleset } from '../iptables/ruleset.ts';
import { splitRuleLine } from '../iptables/words.ts';
import type { ProxierConfig } from './config.ts';
import { CANARY_TABLES, kubeProxyJumpRules } from './jump-rules.ts';
import { eachLineText, type RestoreDocument, type RestoreTable } from './restore-document.ts';

export type KernelResult =
  { readonly ok: true; readonly ruleset: Ruleset } | { readonly ok: false; readonly error: string };

function run(ruleset: Ruleset, table: 'mangle' | 'nat' | 'filter', words: string[]): Ruleset {
  const r = applyCommand(ruleset, table, words);
  if (!r.ok) throw new Error(`iptables -t ${table} ${words.join(' ')}: ${r.error.message}`);
  return r.value;
}

/** A fresh node's tables with kube-proxy's canaries and jump rules installed, as on its first full sync. */
export function withKubeProxyJumps(config: ProxierConfig, base?: Ruleset): Ruleset {
  let rs = base ?? emptyRuleset(config.family);
  for (const table of CANARY_TABLES) rs = run(rs, table, ['-N', 'KUBE-PROXY-CANARY']);
  const created = new Set<string>();
  for (const j of kubeProxyJumpRules()) {
    const key = `${j.table}/${j.target}`;
    if (!created.has(key) && !rs.tables[j.table].chains.has(j.target)) {
      rs = run(rs, j.table, ['-N', j.target]);
    }
    created.add(key);
    rs = run(rs, j.table, ['-I', j.chain, '1', ...splitRuleLine(j.args), '-j', j.target]);
  }
  return rs;
}

/** Loads a restore document into `ruleset` the way kube-proxy does. */
export function loadRestore(ruleset: Ruleset, restore: string): KernelResult {
  const r = applyRestore(ruleset, restore, { noflush: true, counters: true });
  if (!r.ok) return { ok: false, error: `${r.error.summary}: ${r.error.reason}` };
  return { ok: true, ruleset: r.value };
}

/**
 * The node's tables after kube-proxy's sync (its jumps, then `document`), kept as the text
 * iptables-save prints: the same as `renderSave(loadRestore(…))` without building the rule model.
 * Null when the document holds something only loadRestore handles (stale-chain deletions).
 */
export function savedTablesAfterSync(
  config: ProxierConfig,
  document: RestoreDocument,
): SavedTables | null {
  return restoreSavedTables(withKubeProxyJumps(config), [
    blockOf('filter', document.filter),
    blockOf('nat', document.nat),
  ]);
}

/** A table of a restore document as iptables-restore reads it. */
export function blockOf(table: 'filter' | 'nat', restore: RestoreTable): RestoreBlock {
  return {
    table,
    chains: restore.chains,
    eachLine: (visit) => eachLineText(restore, visit),
  };
}
