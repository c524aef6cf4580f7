/**
 * What the hop under the packet lights up, as selectors returning primitives (house-style
 * §4.1.5): each box compares its own id with `selectHopAnchor`, so only the boxes whose answer
 * flips re-render.
 */
import type { Hop } from '../../engine/index.ts';
import type { AppState } from '../../store/app-state.ts';
import { selectCurrentHop } from '../../store/selectors.ts';
import { anchorOfHop } from './hop-anchor.ts';
import { edgeIdForLink } from './ids.ts';
import { endsKey } from './layout-builder.ts';
import type { TopologyLayout } from './types.ts';

const anchors = new WeakMap<Hop, string>();

function anchorOf(s: AppState, hop: Hop): string {
  let a = anchors.get(hop);
  if (a === undefined) {
    a = anchorOfHop(hop, s.model?.network ?? null);
    anchors.set(hop, a);
  }
  return a;
}

/** The anchor id of the hop under the packet, or null. */
export function selectHopAnchor(s: AppState): string | null {
  const hop = selectCurrentHop(s);
  return hop ? anchorOf(s, hop) : null;
}

/** The node the hop under the packet is on, or null (on the wire, outside). */
export function selectHopNode(s: AppState): string | null {
  return selectCurrentHop(s)?.node ?? null;
}

/** True when the hop's packet carries `ip` as its source or destination (before or after). */
export function hopCarries(s: AppState, ip: string | null): boolean {
  const hop = selectCurrentHop(s);
  if (!hop || !ip) return false;
  const { before, after } = hop;
  return before.dst === ip || after.dst === ip || before.src === ip || after.src === ip;
}

function previousHop(s: AppState): Hop | null {
  const ref = s.steps[s.hopIndex - 1];
  if (!ref || !s.trace) return null;
  return s.trace.connections[0]?.packets[ref.packet]?.hops[ref.hop] ?? null;
}

/**
 * The edge to animate: the hop's link (`veth:…`, `overlay:a~b`, `lan:a~b`), else the edge
 * between the previous hop's anchor and this one's (bridge → vxlan-6784 when Weave wraps it).
 */
export function selectActiveEdge(s: AppState, layout: TopologyLayout | null): string | null {
  const hop = selectCurrentHop(s);
  if (!hop || !layout) return null;
  if (hop.link) {
    const id = edgeIdForLink(hop.link);
    if (layout.paths.has(id)) return id;
  }
  const prev = previousHop(s);
  if (!prev) return null;
  const a = anchorOf(s, prev);
  const b = anchorOf(s, hop);
  return a === b ? null : (layout.edgeByEnds.get(endsKey(a, b)) ?? null);
}
