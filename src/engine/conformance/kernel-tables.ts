/** The kernel state a conformance case builds up over its syncs, for the iptables-save check. */
import { renderSave } from '../iptables/save.ts';
import type { Ruleset } from '../iptables/ruleset.ts';
import type { ProxierConfig } from '../kubeproxy/config.ts';
import { loadRestore, withKubeProxyJumps } from '../kubeproxy/kernel.ts';

export class KernelTables {
  private ruleset: Ruleset;

  constructor(config: ProxierConfig) {
    this.ruleset = withKubeProxyJumps(config);
  }

  /** Loads one restore document; returns iptables-restore's error, or null. */
  apply(restore: string): string | null {
    const r = loadRestore(this.ruleset, restore);
    if (!r.ok) return r.error;
    this.ruleset = r.ruleset;
    return null;
  }

  save(table: 'filter' | 'nat'): string {
    return renderSave(this.ruleset, [table]);
  }
}
