/**
 * The iptables-restore input kube-proxy writes in one sync, as data (kube-proxy-iptables.md §4).
 */

/** Which Service (and port, endpoint) a generated rule came from; absent for fixed rules. */
export interface RuleOrigin {
  /** `namespace/name`. */
  readonly service: string;
  /** Service-port name string, e.g. `default/web:http`. */
  readonly portName: string;
  /** `ip:port` for KUBE-SEP rules and SVC→SEP jumps. */
  readonly endpoint?: string;
}

export interface RestoreLine {
  /** The exact line, e.g. `-A KUBE-SERVICES -m comment --comment … -j KUBE-SVC-…` or `-X KUBE-SEP-…`. */
  readonly text: string;
  readonly origin?: RuleOrigin;
}

export interface RestoreTable {
  /** Chain declaration names in generation order (printed `:NAME - [0:0]`). */
  readonly chains: readonly string[];
  readonly lines: readonly RestoreLine[];
}

export interface RestoreDocument {
  readonly filter: RestoreTable;
  readonly nat: RestoreTable;
}

/**
 * The text of a table's lines, each followed by a newline, in a few large pieces; TableBuilder
 * records it for the tables it builds, so printing them copies pieces instead of every line.
 */
const LINE_TEXT = new WeakMap<
  RestoreTable,
  { readonly count: number; readonly pieces: string[] }
>();

/** Records that `pieces`, joined, are the lines of `table` (see LINE_TEXT). */
export function recordLineText(table: RestoreTable, pieces: string[]): void {
  LINE_TEXT.set(table, { count: table.lines.length, pieces });
}

/** Appends one table's text, each line followed by a newline. */
function printTable(out: string[], name: string, table: RestoreTable): void {
  out.push(`*${name}\n`);
  if (table.chains.length > 0) out.push(`:${table.chains.join(' - [0:0]\n:')} - [0:0]\n`);
  const known = LINE_TEXT.get(table);
  if (known && known.count === table.lines.length) out.push(...known.pieces);
  else for (const line of table.lines) out.push(line.text, '\n');
  out.push('COMMIT\n');
}

/** Prints the document as kube-proxy hands it to `iptables-restore --noflush --counters`. */
export function formatRestoreDocument(doc: RestoreDocument): string {
  const out: string[] = [];
  printTable(out, 'filter', doc.filter);
  printTable(out, 'nat', doc.nat);
  return out.join('');
}
