/**
 * Upstream's test normalisation of a restore document (`sortIPTablesRules`,
 * kube-proxy-iptables.md §8): used to compare with kube-proxy's own expectations.
 */

interface ParsedTable {
  name: string;
  chains: string[];
  rules: Map<string, string[]>;
  deleted: string[];
}

/** Splits restore text into tables, chains in declaration order, rules and `-X` lines. */
function parseRestoreText(text: string): ParsedTable[] {
  const tables: ParsedTable[] = [];
  let current: ParsedTable | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('*')) {
      current = { name: line.slice(1), chains: [], rules: new Map(), deleted: [] };
      tables.push(current);
    } else if (!current || line === 'COMMIT') {
      continue;
    } else if (line.startsWith(':')) {
      const name = line.slice(1).split(' ')[0] ?? '';
      if (!current.chains.includes(name)) current.chains.push(name);
    } else if (line.startsWith('-X ')) {
      current.deleted.push(line.slice(3).trim());
    } else if (line.startsWith('-A ')) {
      const chain = line.split(' ')[1] ?? '';
      if (!current.chains.includes(chain)) current.chains.push(chain);
      const list = current.rules.get(chain) ?? [];
      list.push(line);
      current.rules.set(chain, list);
    }
  }
  return tables;
}

function chainRank(name: string): [number, string] {
  if (name === 'KUBE-NODEPORTS') return [0, ''];
  if (name === 'KUBE-SERVICES') return [1, ''];
  if (name.startsWith('KUBE-')) return [2, name];
  return [3, name];
}

/** The "service name" of a rule: its comment up to the first space or colon. */
function serviceNameOf(rule: string): string {
  const m = /--comment "?([^" :]*)/.exec(rule);
  return m?.[1] ?? '';
}

const LAST_RULE_MARK = 'must be the last rule';

function sortRules(table: string, chain: string, rules: string[]): string[] {
  const sorted = chain === 'KUBE-NODEPORTS' || (table === 'filter' && chain === 'KUBE-SERVICES');
  if (sorted) return stableSortByService(rules);
  if (table === 'nat' && chain === 'KUBE-SERVICES') {
    const last = rules.filter((r) => r.includes(LAST_RULE_MARK));
    return [...stableSortByService(rules.filter((r) => !r.includes(LAST_RULE_MARK))), ...last];
  }
  return rules;
}

function stableSortByService(rules: string[]): string[] {
  return rules
    .map((r, i) => ({ r, i, k: serviceNameOf(r) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
    .map((x) => x.r);
}

/** Normalises restore text the way upstream's assertIPTablesRulesEqual does; one string per table. */
export function normaliseRestore(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of parseRestoreText(text).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const chains = [...t.chains].sort((a, b) => {
      const [ra, na] = chainRank(a);
      const [rb, nb] = chainRank(b);
      return ra !== rb ? ra - rb : na < nb ? -1 : na > nb ? 1 : 0;
    });
    const lines = [`*${t.name}`];
    for (const c of chains) lines.push(`:${c} - [0:0]`);
    for (const c of chains) lines.push(...sortRules(t.name, c, t.rules.get(c) ?? []));
    for (const d of t.deleted) lines.push(`-X ${d}`);
    lines.push('COMMIT');
    out.set(t.name, lines.join('\n') + '\n');
  }
  return out;
}

/** The `-A` lines of one chain of one table, in generation order. */
export function chainRules(text: string, table: string, chain: string): string[] {
  const t = parseRestoreText(text).find((x) => x.name === table);
  return t?.rules.get(chain) ?? [];
}
