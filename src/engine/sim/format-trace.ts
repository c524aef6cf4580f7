/**
 * Traces as text: one line per hop (the CLI's output and the golden `trace.txt` files), and the
 * spread of many connections over the endpoints.
 */
import type { ConnectionTrace, Hop, Outcome, PacketView, Trace } from './trace.ts';

function endpointText(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** `10.44.0.1:40001 > 10.100.100.100:80 tcp` (+ mark, + VXLAN outer header). */
export function formatPacket(p: PacketView): string {
  let text = `${endpointText(p.src, p.sport)} > ${endpointText(p.dst, p.dport)} ${p.protocol}`;
  if (p.mark !== 0) text += ` mark 0x${p.mark.toString(16)}`;
  if (p.outer)
    text += ` in vxlan(vni ${p.outer.vni}) ${p.outer.src}:${p.outer.sport} > ${p.outer.dst}:${p.outer.dport} udp`;
  return text;
}

function samePacket(a: PacketView, b: PacketView): boolean {
  return formatPacket(a) === formatPacket(b);
}

function where(h: Hop): string {
  const place = h.node === null ? h.namespace : `${h.node}/${h.namespace}`;
  return h.iface ? `${place} ${h.iface}` : place;
}

function what(h: Hop): string {
  if (h.kind === 'netfilter') {
    const rules = (h.rules ?? [])
      .map((r) =>
        r.ruleNumber > 0 ? `${r.chain}#${r.ruleNumber} ${r.effect}` : `${r.chain} ${r.effect}`,
      )
      .join(', ');
    return `${h.hook} ${h.table}${rules ? `: ${rules}` : ''}${h.verdict ? ` → ${h.verdict}` : ''}`;
  }
  return h.verdict ? `${h.kind} ${h.verdict}` : h.kind;
}

export function formatHop(h: Hop, n: number): string {
  const packet = samePacket(h.before, h.after)
    ? formatPacket(h.before)
    : `${formatPacket(h.before)} ⇒ ${formatPacket(h.after)}`;
  return `${String(n).padStart(3)}. ${where(h)} | ${what(h)} | ${packet} | ${h.note}`;
}

export function formatOutcome(o: Outcome): string {
  switch (o.kind) {
    case 'delivered':
      return `delivered to ${o.to} (${endpointText(o.ip, o.port)})${o.node ? ` on ${o.node}` : ''}`;
    case 'dropped':
      return `dropped${o.node ? ` on ${o.node}` : ''}: ${o.reason}`;
    case 'rejected':
      return `rejected${o.node ? ` on ${o.node}` : ''}: ${o.reason}`;
    case 'unreachable':
      return `unreachable${o.node ? ` from ${o.node}` : ''}: ${o.reason}`;
  }
}

function formatConnection(c: ConnectionTrace): string[] {
  const lines: string[] = [];
  c.packets.forEach((p, i) => {
    lines.push(`connection ${c.index + 1}, packet ${i + 1} (${p.direction}):`);
    p.hops.forEach((h, j) => lines.push(formatHop(h, j + 1)));
    lines.push(`     => ${formatOutcome(p.outcome)}`);
  });
  return lines;
}

/** The first connection hop by hop. */
export function formatTrace(trace: Trace): string {
  const r = trace.request;
  const head = `trace ${r.srcIp} → ${r.targetLabel}, seed ${trace.seed}`;
  const first = trace.connections[0];
  const body = first ? formatConnection(first) : [];
  return (
    [head, ...body, first ? `result: ${formatOutcome(first.outcome)}` : 'no connection'].join(
      '\n',
    ) + '\n'
  );
}

/** How many connections each backend received, against an even share. */
export function formatDistribution(trace: Trace): string {
  const counts = new Map<string, { n: number; label: string }>();
  for (const c of trace.connections) {
    const key =
      c.outcome.kind === 'delivered' && c.backend
        ? endpointText(c.backend.ip, c.backend.port)
        : formatOutcome(c.outcome);
    const label = c.backend?.pod
      ? `${c.backend.pod}${c.backend.node ? ` on ${c.backend.node}` : ''}`
      : '';
    const entry = counts.get(key) ?? { n: 0, label };
    entry.n++;
    counts.set(key, entry);
  }
  const total = trace.connections.length;
  const delivered = [...counts.entries()].filter(([k]) => !k.includes(' '));
  const even = delivered.length > 0 ? 100 / delivered.length : 0;
  const lines = [
    `${total} connections ${trace.request.srcIp} → ${trace.request.targetLabel}, seed ${trace.seed}`,
  ];
  const rows = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, { n, label }] of rows) {
    const share = (100 * n) / total;
    const vs = key.includes(' ') ? '' : `  (1/${delivered.length} = ${even.toFixed(2)}%)`;
    lines.push(
      `${key.padEnd(22)} ${String(n).padStart(8)}  ${share.toFixed(2).padStart(6)}%${vs}${label ? `  ${label}` : ''}`,
    );
  }
  return lines.join('\n') + '\n';
}
