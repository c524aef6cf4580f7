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

/** Prints the document as kube-proxy hands it to `iptables-restore --noflush --counters`. */
export function formatRestoreDocument(doc: RestoreDocument): string {
  const out: string[] = [];
  for (const [name, table] of [
    ['filter', doc.filter],
    ['nat', doc.nat],
  ] as const) {
    out.push(`*${name}`);
    for (const chain of table.chains) out.push(`:${chain} - [0:0]`);
    for (const line of table.lines) out.push(line.text);
    out.push('COMMIT');
  }
  return out.join('\n') + '\n';
}

/** Mutable builder used while generating one table. */
export class TableBuilder {
  readonly chains: string[] = [];
  readonly lines: RestoreLine[] = [];
  private readonly declared = new Set<string>();

  declare(chain: string): void {
    if (this.declared.has(chain)) return;
    this.declared.add(chain);
    this.chains.push(chain);
  }

  /** Appends `-A <chain> <words…>`; words are joined by single spaces, falsy ones skipped. */
  add(
    chain: string,
    words: readonly (string | false | null | undefined)[],
    origin?: RuleOrigin,
  ): void {
    let text = '-A ' + chain;
    for (const w of words) if (w) text += ' ' + w;
    this.lines.push(origin ? { text, origin } : { text });
  }

  raw(text: string): void {
    this.lines.push({ text });
  }

  build(): RestoreTable {
    return { chains: [...this.chains], lines: [...this.lines] };
  }
}
