/**
 * The article's table for one Service: how kube-proxy's KUBE-SVC chain spreads new connections.
 * Each endpoint's rule fires with probability 1/k among the k endpoints not yet passed (the last
 * has no condition), so every endpoint gets (1−1/n)·(1−1/(n−1))·…·1/k = 1/n.
 *
 * Everything comes from the engine's rules: the restore document says which Service, port and
 * endpoint each line belongs to; `iptables -t nat -S` gives the probability the kernel printed.
 */
import type { RestoreDocument } from '../../engine/index.ts';

export interface LadderRow {
  readonly endpoint: string;
  readonly sepChain: string;
  /** As `iptables -t nat -S` prints it (the kernel stores round(p·2³¹)); null: no condition. */
  readonly printed: string | null;
  /** As kube-proxy wrote it in its restore input; null: no condition. */
  readonly written: string | null;
  /** The rule's probability for a packet that reaches it (1 for the last rule). */
  readonly p: number;
  /** The chance that a new connection ends here: Π(1−p_j)·p over the rules before it. */
  readonly share: number;
  /** The product, e.g. `(1−1/3)·1/2`. */
  readonly formula: string;
  /** The share as a fraction `1/3` when it is one, else 4 decimals. */
  readonly shareText: string;
}

export interface Ladder {
  /** `KUBE-SVC-…` (cluster traffic) or `KUBE-SVL-…` (local endpoints only). */
  readonly chain: string;
  /** `namespace/name`. */
  readonly service: string;
  /** `namespace/name:port` (or `namespace/name` for an unnamed port). */
  readonly portName: string;
  readonly local: boolean;
  readonly rows: readonly LadderRow[];
}

const SVC_TO_SEP = /^-A (KUBE-SV[CL]-\S+) .*-j (KUBE-SEP-\S+)$/;
const PROBABILITY = /--probability (\S+)/;
/** Beyond this many factors a formula shows its first and last two around `…`. */
const MAX_FACTORS = 5;

export function serviceLadders(document: RestoreDocument, natS: readonly string[]): Ladder[] {
  // What the kernel printed, by (service chain, endpoint chain).
  const printed = new Map<string, string | null>();
  for (const line of natS) {
    const m = SVC_TO_SEP.exec(line);
    if (!m || line.includes('--rcheck')) continue;
    printed.set(`${m[1]} ${m[2]}`, PROBABILITY.exec(line)?.[1] ?? null);
  }
  const byChain = new Map<string, { portName: string; service: string; lines: RawRow[] }>();
  for (const line of document.nat.lines) {
    const endpoint = line.origin?.endpoint;
    const m = SVC_TO_SEP.exec(line.text);
    // Session affinity's `-m recent --rcheck` rules come first and are not part of the ladder.
    if (!endpoint || !m || line.text.includes('--rcheck')) continue;
    const [, chain, sepChain] = m as unknown as [string, string, string];
    let entry = byChain.get(chain);
    if (!entry) {
      entry = { portName: line.origin!.portName, service: line.origin!.service, lines: [] };
      byChain.set(chain, entry);
    }
    const written = PROBABILITY.exec(line.text)?.[1] ?? null;
    const shown = printed.has(`${chain} ${sepChain}`)
      ? printed.get(`${chain} ${sepChain}`)!
      : written;
    entry.lines.push({ endpoint, sepChain, written, printed: shown });
  }
  return [...byChain].map(([chain, e]) => ({
    chain,
    service: e.service,
    portName: e.portName,
    local: chain.startsWith('KUBE-SVL-'),
    rows: ladderRows(e.lines),
  }));
}

interface RawRow {
  readonly endpoint: string;
  readonly sepChain: string;
  readonly written: string | null;
  readonly printed: string | null;
}

function ladderRows(raw: readonly RawRow[]): LadderRow[] {
  const rows: LadderRow[] = [];
  let reach = 1;
  const passed: string[] = [];
  for (const r of raw) {
    const p = r.printed !== null ? Number(r.printed) : r.written !== null ? Number(r.written) : 1;
    const share = reach * p;
    const own = r.printed === null && r.written === null ? '1' : probabilityText(p, r.printed);
    rows.push({ ...r, p, share, formula: product([...passed, own]), shareText: shareText(share) });
    passed.push(`(1−${probabilityText(p, r.printed)})`);
    reach *= 1 - p;
  }
  return rows;
}

/** `1/k` when p is (the kernel's rounding of) 1/k, else p as printed. */
export function probabilityText(p: number, printed: string | null = null): string {
  if (p === 1) return '1';
  const k = Math.round(1 / p);
  if (k >= 2 && Math.abs(p - 1 / k) < 1e-6) return `1/${k}`;
  return printed ?? String(p);
}

export function shareText(share: number): string {
  if (share > 0) {
    const k = Math.round(1 / share);
    if (k >= 1 && Math.abs(share - 1 / k) < 1e-6) return k === 1 ? '1' : `1/${k}`;
  }
  return share.toFixed(4);
}

function product(factors: readonly string[]): string {
  if (factors.length <= MAX_FACTORS) return factors.join('·');
  return [...factors.slice(0, 2), '…', ...factors.slice(-2)].join('·');
}
