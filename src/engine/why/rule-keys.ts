/**
 * kube-proxy's rules by key, `<table> <chain> #<n>`: the n-th `-A <chain>` rule of the table. The
 * key is the same in every way the rules are printed (kube-proxy flushes and rewrites its chains
 * whole, so `iptables-save` and `iptables -S` list them in the order the restore input wrote them),
 * and it is how a trace's RuleStep names a rule (table, chain, ruleNumber).
 */
import type { RestoreDocument, RuleOrigin } from '../kubeproxy/restore-document.ts';

export interface KeyedRule {
  readonly key: string;
  readonly table: 'nat' | 'filter';
  readonly chain: string;
  /** The restore input's text of the rule. */
  readonly text: string;
  readonly origin?: RuleOrigin;
}

export function ruleKey(table: string, chain: string, n: number): string {
  return `${table} ${chain} #${n}`;
}

const cache = new WeakMap<RestoreDocument, readonly KeyedRule[]>();

/** Every rule (`-A` line) of a restore document with its key, in order. */
export function keyedRules(doc: RestoreDocument): readonly KeyedRule[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: KeyedRule[] = [];
  for (const table of ['filter', 'nat'] as const) {
    const counts = new Map<string, number>();
    for (const line of doc[table].lines) {
      if (!line.text.startsWith('-A ')) continue;
      const sp = line.text.indexOf(' ', 3);
      const chain = sp < 0 ? line.text.slice(3) : line.text.slice(3, sp);
      const n = (counts.get(chain) ?? 0) + 1;
      counts.set(chain, n);
      out.push({
        key: ruleKey(table, chain, n),
        table,
        chain,
        text: line.text,
        ...(line.origin ? { origin: line.origin } : {}),
      });
    }
  }
  cache.set(doc, out);
  return out;
}
