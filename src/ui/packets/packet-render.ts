/**
 * Draws one frame into the overlay's <g> with d3-selection: the trace's packet as a <circle> keyed
 * by packet id, a burst's packets as one <path> per look (swarm-path.ts). Attributes are written
 * only when they change, since each write restyles its element.
 */
import { select } from 'd3-selection';
import type { PacketFrame } from './timeline.ts';
import { swarmPaths, type SwarmPath } from './swarm-path.ts';

/** The trace packet's radius, in flow units. */
const TRACE_RADIUS = 7;

const LOST = new Set(['drop', 'reject', 'unreachable']);

export function classOf(f: PacketFrame, burst: boolean): string {
  const base = burst ? 'packet packet-burst' : 'packet packet-trace';
  return `${base}${f.reply ? ' packet-reply' : ''}${LOST.has(f.kind) ? ' packet-lost' : ''}`;
}

function setIfChanged(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

export function renderPackets(
  layer: SVGGElement,
  trace: readonly PacketFrame[],
  burst: readonly PacketFrame[],
): void {
  const g = select(layer);
  g.selectAll<SVGCircleElement, PacketFrame>('circle')
    .data(trace, (d) => d.id)
    .join((enter) => enter.append('circle').attr('r', TRACE_RADIUS))
    .each(function (d) {
      setIfChanged(this, 'class', classOf(d, false));
      setIfChanged(this, 'cx', String(d.x));
      setIfChanged(this, 'cy', String(d.y));
    });
  g.selectAll<SVGPathElement, SwarmPath>('path')
    .data(
      swarmPaths(burst, (f) => classOf(f, true)),
      (d) => d.cls,
    )
    .join((enter) => enter.append('path').attr('class', (d) => d.cls))
    .attr('d', (d) => d.d);
  // How many are drawn, for tests and the bench (written only when it changes).
  setIfChanged(layer, 'data-in-flight', String(trace.length + burst.length));
  setIfChanged(layer, 'data-burst', String(burst.length));
}
