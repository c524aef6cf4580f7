/** Predicates over the app state that lessons grade with: what the last trace or burst did. */
import type { ConnectionTrace, Hop, Outcome } from '../engine/index.ts';
import type { AppState } from '../store/app-state.ts';

/** The first connection of the trace on screen, if its request came from `from`. */
export function lastConnection(s: AppState, from?: string): ConnectionTrace | null {
  const c = s.trace?.connections[0];
  if (!c) return null;
  if (from !== undefined) {
    const src = s.trace!.request.from;
    const name = src.kind === 'pod' ? src.name : src.kind === 'node' ? src.name : src.ip;
    if (name !== from) return null;
  }
  return c;
}

export function outcomeOf(s: AppState, from?: string): Outcome | null {
  return lastConnection(s, from)?.outcome ?? null;
}

/** Every hop of the connection's packets in a direction. */
export function hopsOf(c: ConnectionTrace, direction: 'original' | 'reply' = 'original'): Hop[] {
  return c.packets.filter((p) => p.direction === direction).flatMap((p) => p.hops);
}

/** The request's destination address as the client wrote it. */
export function targetIp(s: AppState): string | null {
  return s.trace?.request.dstIp ?? null;
}

export function deliveredTo(
  s: AppState,
  pred: (o: Extract<Outcome, { kind: 'delivered' }>) => boolean,
): boolean {
  const o = outcomeOf(s);
  return o?.kind === 'delivered' && pred(o);
}

/** Whether some hop's matched rules include one whose effect or text contains `needle`. */
export function ruleFired(c: ConnectionTrace, needle: string | RegExp): boolean {
  return hopsOf(c).some((h) =>
    (h.rules ?? []).some((r) =>
      typeof needle === 'string'
        ? r.effect.includes(needle) || r.ruleText.includes(needle)
        : needle.test(r.effect) || needle.test(r.ruleText),
    ),
  );
}

/** Endpoint → share of delivered connections in the last burst. */
export function burstShares(s: AppState): Map<string, number> {
  const shares = new Map<string, number>();
  const b = s.burst;
  if (!b) return shares;
  for (const c of b.trace.connections) {
    if (c.outcome.kind !== 'delivered' || !c.backend) continue;
    const key = `${c.backend.ip}:${String(c.backend.port)}`;
    shares.set(key, (shares.get(key) ?? 0) + 1);
  }
  for (const [k, n] of shares) shares.set(k, n / b.connections);
  return shares;
}

/** A burst of at least `min` connections whose delivered shares are `n` endpoints near 1/n each. */
export function evenSplit(s: AppState, n: number, min: number, tolerance = 0.05): boolean {
  if (!s.burst || s.burst.connections < min) return false;
  const shares = burstShares(s);
  return shares.size === n && [...shares.values()].every((x) => Math.abs(x - 1 / n) <= tolerance);
}

export function workerNames(s: AppState): string[] {
  return s.model?.cluster.nodes.filter((n) => n.role === 'worker').map((n) => n.name) ?? [];
}

/** DaemonSet pods (by name prefix) on `node`. */
export function daemonPodsOn(s: AppState, node: string): string[] {
  return (
    s.model?.cluster.pods
      .filter((p) => p.nodeName === node && p.owner?.kind === 'DaemonSet')
      .map((p) => p.owner!.name)
      .sort() ?? []
  );
}
