/**
 * Finding a rule of a trace in the text on screen. The trace names each rule it matched by table,
 * chain, number and its `iptables-save` text; the panel shows one node's kube-proxy rules in one of
 * four forms:
 *
 * - `iptables -t nat -S`, `iptables -t filter -S`, `iptables-save`: the kernel prints the same
 *   rule text (`-A CHAIN …`), so a rule is found by its table and exact text;
 * - kube-proxy's restore input writes its arguments in another order, so there a rule of a
 *   `KUBE-*` chain (kube-proxy's own, flushed and rewritten whole in every sync) is found by its
 *   number: the n-th `-A CHAIN` line of that table.
 *
 * Rules the CNI wrote (Weave's, Docker's) and rules of another table are not on screen: not found.
 */
import { ruleKey, type Hop, type RuleStep, type Trace } from '../../engine/index.ts';
import type { RulesView } from '../../store/view-slice.ts';

export interface RuleIndex {
  /** The line showing `step`, or -1. */
  find(step: Pick<RuleStep, 'table' | 'chain' | 'ruleNumber' | 'ruleText'>): number;
}

const FIXED_TABLE: Partial<Record<RulesView, string>> = { 'nat-S': 'nat', 'filter-S': 'filter' };

export function indexRules(lines: readonly string[], view: RulesView): RuleIndex {
  const byKey = new Map<string, number>();
  if (view === 'restore') {
    lineRuleKeys(lines, view).forEach((key, i) => {
      if (key !== null && !byKey.has(key)) byKey.set(key, i);
    });
  } else {
    let table = FIXED_TABLE[view] ?? '';
    lines.forEach((line, i) => {
      if (line.startsWith('*')) table = line.slice(1);
      else if (line.startsWith('-A ') || line.startsWith('-P ')) {
        const key = `${table} ${line}`;
        if (!byKey.has(key)) byKey.set(key, i);
      }
    });
  }
  return {
    find: (step) => {
      if (view !== 'restore') return byKey.get(`${step.table} ${step.ruleText}`) ?? -1;
      if (!step.chain.startsWith('KUBE-') || step.ruleNumber < 1) return -1;
      return byKey.get(ruleKey(step.table, step.chain, step.ruleNumber)) ?? -1;
    },
  };
}

/** The lines of the rules `hop` matched on `node` (in evaluation order), and how many are elsewhere. */
export function hopLines(
  hop: Hop | null,
  node: string | null,
  index: RuleIndex,
): { readonly lines: readonly number[]; readonly elsewhere: number } {
  if (!hop?.rules || hop.rules.length === 0 || hop.node !== node) return NO_LINES;
  const lines: number[] = [];
  let elsewhere = 0;
  for (const step of hop.rules) {
    const i = index.find(step);
    if (i < 0) elsewhere++;
    else if (!lines.includes(i)) lines.push(i);
  }
  return { lines, elsewhere };
}

const NO_LINES = { lines: [] as readonly number[], elsewhere: 0 };

/**
 * How many times each line's rule matched in `trace` on `node` (every packet of every detailed
 * connection, both directions). Only what the trace walked: not the kernel's packet counters.
 */
export function countMatches(
  trace: Trace | null,
  node: string | null,
  index: RuleIndex,
): ReadonlyMap<number, number> {
  const counts = new Map<number, number>();
  if (!trace || !node) return counts;
  for (const connection of trace.connections)
    for (const packet of connection.packets)
      for (const hop of packet.hops) {
        if (hop.node !== node || !hop.rules) continue;
        for (const step of hop.rules) {
          const i = index.find(step);
          if (i >= 0) counts.set(i, (counts.get(i) ?? 0) + 1);
        }
      }
  return counts;
}

/**
 * Each line's rule key, `<table> <chain> #<n>` (the n-th `-A <chain>` line of its table), or null
 * for lines that are not rules. The n-th rule of a chain is the same rule in every view.
 */
export function lineRuleKeys(lines: readonly string[], view: RulesView): (string | null)[] {
  const counts = new Map<string, number>();
  let table = FIXED_TABLE[view] ?? '';
  return lines.map((line) => {
    if (line.startsWith('*')) {
      table = line.slice(1);
      return null;
    }
    if (!line.startsWith('-A ')) return null;
    const sp = line.indexOf(' ', 3);
    const chain = sp < 0 ? line.slice(3) : line.slice(3, sp);
    const n = (counts.get(`${table} ${chain}`) ?? 0) + 1;
    counts.set(`${table} ${chain}`, n);
    return ruleKey(table, chain, n);
  });
}
