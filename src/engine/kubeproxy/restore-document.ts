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
 * The text of a table's lines, in a few large pieces (each line followed by a newline), and
 * where each line ends in its piece; TableBuilder records it for the tables it builds, so
 * printing them copies pieces instead of every line, and reading their lines' text does not
 * need a RestoreLine per line.
 */
interface LineText {
  /** The pieces, `linesPerPiece` lines each (the last one fewer). */
  readonly pieces: readonly string[];
  readonly linesPerPiece: number;
  /** Where each line ends in its piece (its newline). */
  readonly ends: readonly number[];
}

const LINE_TEXT = new WeakMap<RestoreTable, LineText>();

/** Records that `pieces`, joined, are the lines of `table` (see LineText). */
export function recordLineText(table: RestoreTable, text: LineText): void {
  LINE_TEXT.set(table, text);
}

/**
 * Calls `visit` with the text of each of the table's lines, in order, until it returns false;
 * false when it did.
 */
export function eachLineText(table: RestoreTable, visit: (text: string) => boolean): boolean {
  const known = LINE_TEXT.get(table);
  if (!known) return table.lines.every((line) => visit(line.text));
  const { pieces, linesPerPiece, ends } = known;
  for (let i = 0; i < ends.length; i++) {
    const k = i % linesPerPiece;
    const piece = pieces[(i - k) / linesPerPiece]!;
    if (!visit(piece.slice(k === 0 ? 0 : ends[i - 1]! + 1, ends[i]))) return false;
  }
  return true;
}

/** Appends one table's text, each line followed by a newline. */
function printTable(out: string[], name: string, table: RestoreTable): void {
  out.push(`*${name}\n`);
  if (table.chains.length > 0) out.push(`:${table.chains.join(' - [0:0]\n:')} - [0:0]\n`);
  const known = LINE_TEXT.get(table);
  if (known) out.push(...known.pieces);
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
