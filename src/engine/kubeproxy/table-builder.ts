/**
 * Builds one table of a restore document while kube-proxy's rules are generated.
 *
 * A first sync writes hundreds of thousands of lines, all kept in the document. Their text is
 * joined a few hundred lines at a time into one piece, and the table's RestoreLine objects are
 * made only when something reads `lines` (the UI's panels do; printing the document, or the
 * kernel's tables after it, reads the pieces): the garbage collector then keeps a few large
 * pieces and two lists instead of two objects per line, which roughly halves its share of a
 * large sync.
 */
import {
  recordLineText,
  type RestoreLine,
  type RestoreTable,
  type RuleOrigin,
} from './restore-document.ts';

/** Lines per piece: about 30 kB of text. */
const PIECE_LINES = 256;

export class TableBuilder {
  readonly chains: string[] = [];
  private readonly declared = new Set<string>();
  /** Lines not in a piece yet. */
  private texts: string[] = [];
  private readonly pieces: string[] = [];
  /** Where each line ends in its piece, and its origin. */
  private readonly ends: number[] = [];
  private readonly origins: (RuleOrigin | undefined)[] = [];

  /** How many of `chains` are in `declared` (declareNew leaves the set behind). */
  private inSet = 0;

  /** Declares `chain` unless it is declared already. */
  declare(chain: string): void {
    while (this.inSet < this.chains.length) this.declared.add(this.chains[this.inSet++]!);
    const before = this.declared.size;
    this.declared.add(chain); // one hash lookup instead of has() then add()
    if (this.declared.size > before) {
      this.chains.push(chain);
      this.inSet++;
    }
  }

  /**
   * Declares a chain the caller knows is not declared yet, without looking it up: the tens of
   * thousands of per-port chains of a large cluster. A later declare() still sees it.
   */
  declareNew(chain: string): void {
    this.chains.push(chain);
  }

  /** Appends `-A <chain> <words…>`; words are joined by single spaces, falsy ones skipped. */
  add(
    chain: string,
    words: readonly (string | false | null | undefined)[],
    origin?: RuleOrigin,
  ): void {
    let text = `-A ${chain}`;
    for (const w of words) if (w) text += ` ${w}`;
    this.line(text, origin);
  }

  raw(text: string): void {
    this.line(text, undefined);
  }

  private line(text: string, origin: RuleOrigin | undefined): void {
    this.texts.push(text);
    this.origins.push(origin);
    if (this.texts.length >= PIECE_LINES) this.flush();
  }

  /** Joins the pending lines into a piece, noting where each ends. */
  private flush(): void {
    const { texts } = this;
    if (texts.length === 0) return;
    let at = -1;
    for (const text of texts) this.ends.push((at += text.length + 1));
    texts.push(''); // the last line's newline
    this.pieces.push(texts.join('\n'));
    this.texts = [];
  }

  /** The finished table; the builder is not used after this. */
  build(): RestoreTable {
    this.flush();
    const { chains, pieces, ends, origins } = this;
    let lines: RestoreLine[] | undefined;
    const table: RestoreTable = {
      chains,
      get lines(): readonly RestoreLine[] {
        return (lines ??= makeLines(pieces, ends, origins));
      },
    };
    recordLineText(table, { pieces, linesPerPiece: PIECE_LINES, ends });
    return table;
  }
}

/** The RestoreLine of every line, each text a slice of its piece. */
function makeLines(
  pieces: readonly string[],
  ends: readonly number[],
  origins: readonly (RuleOrigin | undefined)[],
): RestoreLine[] {
  const lines: RestoreLine[] = [];
  for (let i = 0; i < ends.length; i++) {
    const k = i % PIECE_LINES;
    const text = pieces[(i - k) / PIECE_LINES]!.slice(k === 0 ? 0 : ends[i - 1]! + 1, ends[i]);
    const origin = origins[i];
    lines.push(origin ? { text, origin } : { text });
  }
  return lines;
}
