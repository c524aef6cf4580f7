/**
 * A trace as Markdown for handouts: one table per packet (hop, where, what happened, the rules
 * that decided, headers before and after), then the outcome. Same facts as `formatTrace`; the
 * words around them (headings, notes, effects, the outcome) come in English or in the words given.
 */
import { formatOutcome, formatPacket } from './format-trace.ts';
import { renderTraceText, TRACE_TEXT_EN } from './note-text.ts';
import type { Hop, HopKind, Outcome, PacketTrace, Trace } from './trace.ts';
import type { TraceLanguage } from './trace-messages.ts';

/** The words of a Markdown trace in one language. */
export interface TraceMarkdownWords {
  /** `Seed 1.` */
  readonly seed: (seed: number) => string;
  /** `Packet 1 (client → server)`, `Packet 2 (reply)`. */
  readonly packet: (n: number, direction: PacketTrace['direction']) => string;
  /** The column headings: #, where, what, rules, before, after, why. */
  readonly columns: readonly [string, string, string, string, string, string, string];
  /** A hop kind in the "what" column (`send`, `route`). */
  readonly kind: (kind: HopKind) => string;
  /** `Result: delivered to … .` */
  readonly result: (outcome: Outcome) => string;
  /** The text when the trace has no connection. */
  readonly noConnection: string;
  /** Hop notes. */
  readonly note: TraceLanguage;
  /** Rule effects. */
  readonly effect: TraceLanguage;
}

/** English, as the CLI speaks. */
export const TRACE_MARKDOWN_EN: TraceMarkdownWords = {
  seed: (seed) => `Seed ${seed}.`,
  packet: (n, direction) =>
    `Packet ${n} (${direction === 'original' ? 'client → server' : 'reply'})`,
  columns: ['#', 'where', 'what', 'rules', 'before', 'after', 'why'],
  kind: (kind) => kind,
  result: (outcome) => `Result: ${formatOutcome(outcome)}.`,
  noConnection: 'No connection.',
  note: TRACE_TEXT_EN,
  effect: TRACE_TEXT_EN,
};

/** Escapes what would break a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: string): string {
  return text === '' ? '' : `\`${text.replace(/`/g, "'")}\``;
}

function where(h: Hop): string {
  const place = h.node === null ? h.namespace : `${h.node} ${h.namespace}`;
  return h.iface ? `${place} (${h.iface})` : place;
}

function what(h: Hop, words: TraceMarkdownWords): string {
  if (h.kind === 'netfilter')
    return `${h.hook ?? ''} ${h.table ?? ''}${h.verdict ? ` → ${h.verdict}` : ''}`;
  const kind = words.kind(h.kind);
  return h.verdict ? `${kind}: ${h.verdict}` : kind;
}

function rules(h: Hop, words: TraceMarkdownWords): string {
  return (h.rules ?? [])
    .map(
      (r) =>
        `${code(r.ruleText || `${r.chain} policy`)} — ${renderTraceText(r.effectMsg, words.effect)}`,
    )
    .join('<br>');
}

function headers(h: Hop): [string, string] {
  const before = formatPacket(h.before);
  const after = formatPacket(h.after);
  return [code(before), after === before ? '=' : code(after)];
}

export function formatTraceMarkdown(
  trace: Trace,
  words: TraceMarkdownWords = TRACE_MARKDOWN_EN,
): string {
  const r = trace.request;
  const out: string[] = [`# ${r.srcIp} → ${r.targetLabel}`, '', words.seed(trace.seed), ''];
  const first = trace.connections[0];
  if (!first) return out.join('\n') + `${words.noConnection}\n`;
  first.packets.forEach((p, i) => {
    out.push(`## ${words.packet(i + 1, p.direction)}`, '');
    out.push(`| ${words.columns.join(' | ')} |`, '|---|---|---|---|---|---|---|');
    p.hops.forEach((h, j) => {
      const [before, after] = headers(h);
      const note = renderTraceText(h.noteMsg, words.note);
      out.push(
        `| ${j + 1} | ${cell(where(h))} | ${cell(what(h, words))} | ${cell(rules(h, words))} | ${cell(before)} | ${cell(after)} | ${cell(note)} |`,
      );
    });
    out.push('', words.result(p.outcome), '');
  });
  return out.join('\n');
}
