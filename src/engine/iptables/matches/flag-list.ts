/**
 * Comma-separated keyword lists (`--ctstate`, `--state`, `--ctstatus`, `--src-type`). iptables
 * accepts any case and any prefix of a keyword (first keyword in its parse order wins) and prints
 * the set in a fixed order.
 */

/** The set of keywords named in `text`, or the offending element. */
export function parseKeywordList(
  text: string,
  parseOrder: readonly string[],
): { readonly set: ReadonlySet<string> } | { readonly bad: string } {
  const set = new Set<string>();
  for (const part of text.split(',')) {
    const upper = part.toUpperCase();
    const hit = part === '' ? undefined : parseOrder.find((k) => k.startsWith(upper));
    if (!hit) return { bad: part };
    set.add(hit);
  }
  return { set };
}

/** The keywords of `set` in print order, comma-joined. */
export function formatKeywordList(set: ReadonlySet<string>, printOrder: readonly string[]): string {
  return printOrder.filter((k) => set.has(k)).join(',');
}
