/**
 * A trace as Markdown for handouts: one table per packet (hop, where, what happened, the rules
 * that decided, headers before and after), then the outcome. Same facts as `formatTrace`.
 */
import { formatOutcome, formatPacket } from './format-trace.ts';
import type { Hop, Trace } from './trace.ts';

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

function what(h: Hop): string {
  if (h.kind === 'netfilter')
    return `${h.hook ?? ''} ${h.table ?? ''}${h.verdict ? ` → ${h.verdict}` : ''}`;
  return h.verdict ? `${h.kind}: ${h.verdict}` : h.kind;
}

function rules(h: Hop): string {
  return (h.rules ?? [])
    .map((r) => `${code(r.ruleText || `${r.chain} policy`)} — ${r.effect}`)
    .join('<br>');
}

function headers(h: Hop): [string, string] {
  const before = formatPacket(h.before);
  const after = formatPacket(h.after);
  return [code(before), after === before ? '=' : code(after)];
}

export function formatTraceMarkdown(trace: Trace): string {
  const r = trace.request;
  const out: string[] = [`# ${r.srcIp} → ${r.targetLabel}`, '', `Seed ${trace.seed}.`, ''];
  const first = trace.connections[0];
  if (!first) return out.join('\n') + 'No connection.\n';
  first.packets.forEach((p, i) => {
    out.push(
      `## Packet ${i + 1} (${p.direction === 'original' ? 'client → server' : 'reply'})`,
      '',
    );
    out.push(
      '| # | where | what | rules | before | after | why |',
      '|---|---|---|---|---|---|---|',
    );
    p.hops.forEach((h, j) => {
      const [before, after] = headers(h);
      out.push(
        `| ${j + 1} | ${cell(where(h))} | ${cell(what(h))} | ${cell(rules(h))} | ${cell(before)} | ${cell(after)} | ${cell(h.note)} |`,
      );
    });
    out.push('', `Result: ${formatOutcome(p.outcome)}.`, '');
  });
  return out.join('\n');
}
