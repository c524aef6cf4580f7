/**
 * The event list: one line per hop (where, what, verdict), both packets of the connection in
 * playback order. A click seeks there; the current hop stays in view.
 */
import { memo, useEffect, useRef } from 'react';
import type { Hop } from '../../engine/index.ts';
import { useT } from '../i18n/i18n.ts';
import { useAppStore, useAppStoreApi } from '../app/store-context.ts';
import { selectWhyHops } from '../../store/why-selectors.ts';
import { hopPlace } from './hop-text.ts';
import { TRACE_MESSAGES } from './messages.ts';

const LOST = new Set(['drop', 'reject', 'unreachable']);

const HopRow = memo(function HopRow({ hop, index }: { hop: Hop; index: number }) {
  const t = useT(TRACE_MESSAGES);
  const store = useAppStoreApi();
  const current = useAppStore((s) => s.hopIndex === index);
  // One of the rules the chosen YAML field made decided this hop ("why" links).
  const why = useAppStore((s) => selectWhyHops(s).has(index));
  const what = hop.hook ?? t(`kind_${hop.kind}`);
  return (
    <li>
      <button
        type="button"
        className={`hop-row${current ? ' current' : ''}${LOST.has(hop.kind) ? ' lost' : ''}${why ? ' why' : ''}`}
        data-why={why || undefined}
        data-testid="trace.hop"
        data-kind={hop.kind}
        aria-current={current ? 'step' : undefined}
        onClick={() => store.getState().seek(index)}
      >
        <span className="hop-n">{index + 1}</span>
        <span className="hop-where" title={hopPlace(hop)}>
          {hopPlace(hop, true)}
        </span>
        <span className="hop-what">
          {what} <b className="hop-verdict">{hop.verdict ?? ''}</b>
        </span>
      </button>
    </li>
  );
});

export function HopList() {
  const t = useT(TRACE_MESSAGES);
  const trace = useAppStore((s) => s.trace);
  const hopIndex = useAppStore((s) => s.hopIndex);
  const listRef = useRef<HTMLDivElement>(null);

  // Keep the current row visible by scrolling the list only (never the page).
  useEffect(() => {
    const list = listRef.current;
    const row = list?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!list || !row) return;
    const top = row.offsetTop; // the list is the rows' offsetParent (position: relative)
    const header = 24; // the sticky packet heading
    if (
      top - header < list.scrollTop ||
      top + row.offsetHeight > list.scrollTop + list.clientHeight
    )
      list.scrollTop = top - header - list.clientHeight / 3;
  }, [hopIndex]);

  const packets = trace?.connections[0]?.packets ?? [];
  // Where each packet's hops start in playback order.
  const firsts = packets.map((_, pi) =>
    packets.slice(0, pi).reduce((n, p) => n + p.hops.length, 0),
  );
  return (
    <div className="hop-list" ref={listRef} data-testid="trace.hops">
      {packets.map((p, pi) => {
        const first = firsts[pi]!;
        return (
          <section
            key={pi}
            aria-label={t(p.direction === 'reply' ? 'packetReply' : 'packetOriginal', {
              n: pi + 1,
            })}
          >
            <h4 className={p.direction === 'reply' ? 'reply' : undefined}>
              {t(p.direction === 'reply' ? 'packetReply' : 'packetOriginal', { n: pi + 1 })}
            </h4>
            <ol start={first + 1}>
              {p.hops.map((h, hi) => (
                <HopRow key={hi} hop={h} index={first + hi} />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
