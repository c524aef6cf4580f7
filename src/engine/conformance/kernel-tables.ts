/** The kernel state a conformance case builds up over its syncs, for the iptables-save check. */
import { renderSave } from '../iptables/save.ts';
import type { Ruleset } from '../iptables/ruleset.ts';
import type { ProxierConfig } from '../kubeproxy/config.ts';
import { loadRestore, withKubeProxyJumps } from '../kubeproxy/kernel.ts';

export class KernelTables {
  private tables: Ruleset;

  constructor(config: ProxierConfig) {
    this.tables = withKubeProxyJumps(config);
  }

  /** Loads one restore document; returns iptables-restore's error, or null. */
  apply(restore: string): string | null {
    const r = loadRestore(this.tables, restore);
    if (!r.ok) return r.error;
    this.tables = r.ruleset;
    return null;
  }

  /** The kernel tables as they are now. */
  get ruleset(): Ruleset {
    return this.tables;
  }

  save(table: 'filter' | 'nat'): string {
    return renderSave(this.tables, [table]);
  }
}
