/** Port and port-range values shared by the tcp, udp, sctp and multiport matches. */
import { parseUint } from '../numbers.ts';

/** A port number 0-65535 (numeric only: service names are not looked up). */
export function parsePort(text: string): number | null {
  return parseUint(text, 0, 65535);
}

/** `p`, `lo:hi`, `lo:` or `:hi` as the tcp/udp/sctp matches take them; a message on error. */
export function parsePortRange(text: string): readonly [number, number] | string {
  const colon = text.indexOf(':');
  if (colon < 0) {
    const p = parsePort(text);
    return p === null ? `invalid port/service \`${text}' specified` : [p, p];
  }
  const loText = text.slice(0, colon);
  const hiText = text.slice(colon + 1);
  const lo = loText === '' ? 0 : parsePort(loText);
  const hi = hiText === '' ? 65535 : parsePort(hiText);
  if (lo === null) return `invalid port/service \`${loText}' specified`;
  if (hi === null) return `invalid port/service \`${hiText}' specified`;
  if (lo > hi) return 'invalid portrange (min > max)';
  return [lo, hi];
}

/** `p` or `lo:hi`, as iptables-save prints a range. */
export function formatPortRange(range: readonly [number, number]): string {
  return range[0] === range[1] ? String(range[0]) : `${range[0]}:${range[1]}`;
}

/** Whether a range is the default 0:65535 (tcp and udp then print nothing). */
export function isFullRange(range: readonly [number, number]): boolean {
  return range[0] === 0 && range[1] === 65535;
}
