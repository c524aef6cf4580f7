/**
 * A hop in words for the event list and the inspector: where it happened, the headers before and
 * after with what changed, the VXLAN outer header. Pure; labels are translated by the components.
 */
import type { Hop, PacketView } from '../../engine/index.ts';

function endpoint(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/**
 * `node1 · pod default/client · eth0`, `overlay node1 → node2`; `short` drops `pod default/` for
 * the event list (`node1 · client · eth0`).
 */
export function hopPlace(h: Hop, short = false): string {
  const link = h.link ? /^(overlay|lan):([^>]+)>(.+)$/.exec(h.link) : null;
  if (link) return `${link[1]!} ${link[2]!} → ${link[3]!}`;
  const parts = [h.node ?? h.namespace];
  if (h.node !== null)
    parts.push(short ? h.namespace.replace(/^pod (default\/)?/, '') : h.namespace);
  if (h.iface) parts.push(h.iface);
  return parts.join(' · ');
}

export type HeaderField = 'source' | 'destination' | 'protocol' | 'mark' | 'ttl';

export interface HeaderRow {
  readonly field: HeaderField;
  readonly before: string;
  readonly after: string;
  readonly changed: boolean;
}

function headerValues(p: PacketView): Record<HeaderField, string> {
  return {
    source: endpoint(p.src, p.sport),
    destination: endpoint(p.dst, p.dport),
    protocol: p.protocol,
    mark: `0x${p.mark.toString(16)}`,
    ttl: String(p.ttl),
  };
}

const FIELDS: readonly HeaderField[] = ['source', 'destination', 'protocol', 'mark', 'ttl'];

/** The inner headers before and after the hop, field by field. */
export function headerRows(before: PacketView, after: PacketView): HeaderRow[] {
  const b = headerValues(before);
  const a = headerValues(after);
  return FIELDS.map((field) => ({
    field,
    before: b[field],
    after: a[field],
    changed: b[field] !== a[field],
  }));
}

/** The VXLAN outer header as the wire carries it: `192.168.56.11 → 192.168.56.12:6784`. */
export function outerText(outer: NonNullable<PacketView['outer']>): string {
  return `${outer.src} → ${endpoint(outer.dst, outer.dport)}`;
}

/** How the hop changes encapsulation: wrapped here, unwrapped here, carried, or none. */
export function encapsulation(h: Hop): 'added' | 'removed' | 'carried' | null {
  if (!h.before.outer && h.after.outer) return 'added';
  if (h.before.outer && !h.after.outer) return 'removed';
  return h.after.outer ? 'carried' : null;
}
