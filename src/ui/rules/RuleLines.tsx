/**
 * The rule lines: full lines, wrapped, monospace. Rendered in chunks that the browser skips
 * while off screen (`content-visibility: auto`), and capped: a pasted cluster with tens of
 * thousands of lines shows the first few thousand (and the current hop's) until asked for more.
 * Marks and counters are CSS pseudo-content, so a line's text is exactly the rule.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/i18n.ts';
import type { DiffRow } from './line-diff.ts';
import { RULES_MESSAGES } from './messages.ts';
import { rulePieces } from './rule-tokens.ts';

const CHUNK = 100;
const PAGE = 1000;

interface Props {
  readonly rows: readonly DiffRow[];
  readonly highlighted: ReadonlySet<number>;
  readonly focusLine: number;
  readonly counts: ReadonlyMap<number, number>;
  /** Changes when the list shows other rules (node, view): the cap starts over. */
  readonly resetKey: string;
  /** The grep pattern these rows were filtered with (tests wait for it). */
  readonly filter: string;
  /** Lines of the rules the chosen YAML field produced. */
  readonly why: ReadonlySet<number>;
  /** Bring the first of them into view when they change (not when a rule click chose them). */
  readonly scrollToWhy: boolean;
  /** A click on a rule line (not a text selection): show where it came from. */
  readonly onRuleClick: (line: number) => void;
}

export function RuleLines({
  rows,
  highlighted,
  focusLine,
  counts,
  resetKey,
  filter,
  why,
  scrollToWhy,
  onRuleClick,
}: Props) {
  const t = useT(RULES_MESSAGES);
  const containerRef = useRef<HTMLDivElement>(null);
  const [page, setPage] = useState({ key: resetKey, limit: PAGE });
  const limit = page.key === resetKey ? page.limit : PAGE;

  // The decisive line of the current hop is always rendered, even past the cap.
  const focusPos = useMemo(
    () =>
      focusLine < 0 ? -1 : rows.findIndex((r) => r.kind !== 'removed' && r.index === focusLine),
    [rows, focusLine],
  );
  const end = Math.min(rows.length, Math.max(limit, focusPos + 1));
  const chunks = useMemo(() => {
    const out: (readonly DiffRow[])[] = [];
    for (let i = 0; i < end; i += CHUNK) out.push(rows.slice(i, Math.min(end, i + CHUNK)));
    return out;
  }, [rows, end]);

  // The first of the "why" lines comes into view when they change.
  useEffect(() => {
    if (why.size === 0 || !scrollToWhy) return;
    const first = Math.min(...why);
    const box = containerRef.current;
    const el = box?.querySelector<HTMLElement>(`[data-line="${first}"]`);
    if (!box || !el) return;
    const b = box.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (r.top < b.top || r.bottom > b.bottom) el.scrollIntoView({ block: 'center' });
  }, [why, scrollToWhy]);

  useEffect(() => {
    if (focusLine < 0) return;
    const box = containerRef.current;
    const el = box?.querySelector<HTMLElement>(`[data-line="${focusLine}"]`);
    if (!box || !el) return;
    const b = box.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (r.top < b.top || r.bottom > b.bottom) el.scrollIntoView({ block: 'center' });
  }, [focusLine, resetKey]);

  return (
    <div className="rules-lines" ref={containerRef}>
      <div
        data-testid="rules.text"
        className="rules-text"
        data-filter={filter}
        title={t('whyHint')}
        onClick={(e) => {
          // Selecting text to copy is not a click on a rule.
          if (window.getSelection()?.isCollapsed === false) return;
          const el = (e.target as HTMLElement).closest<HTMLElement>('[data-line]');
          if (el) onRuleClick(Number(el.dataset['line']));
        }}
      >
        {chunks.map((chunk, i) => (
          <Chunk
            key={i}
            rows={chunk}
            marks={chunkMarks(chunk, highlighted, focusLine, why)}
            counts={counts}
            countTitle={t('matchedTitle', { n: '{n}' })}
          />
        ))}
      </div>
      {end < rows.length && (
        <button
          type="button"
          className="rules-more"
          data-testid="rules.more"
          onClick={() => setPage({ key: resetKey, limit: end + PAGE })}
        >
          {t('showMore', { n: Math.min(PAGE, rows.length - end), hidden: rows.length - end })}
        </button>
      )}
    </div>
  );
}

/** The highlighted lines within a chunk as a string, so untouched chunks keep equal props. */
function chunkMarks(
  chunk: readonly DiffRow[],
  highlighted: ReadonlySet<number>,
  focusLine: number,
  why: ReadonlySet<number>,
): string {
  if (highlighted.size === 0 && why.size === 0) return '';
  const marks: string[] = [];
  for (const r of chunk) {
    if (r.kind === 'removed') continue;
    if (highlighted.has(r.index))
      marks.push(r.index === focusLine ? `!${r.index}` : String(r.index));
    if (why.has(r.index)) marks.push(`?${r.index}`);
  }
  return marks.join(',');
}

interface ChunkProps {
  readonly rows: readonly DiffRow[];
  readonly marks: string;
  readonly counts: ReadonlyMap<number, number>;
  readonly countTitle: string;
}

const Chunk = memo(function Chunk({ rows, marks, counts, countTitle }: ChunkProps) {
  const marked = new Set(marks ? marks.split(',') : []);
  return (
    <div className="rules-chunk">
      {rows.map((r) => {
        const current = r.kind !== 'removed';
        const count = current ? counts.get(r.index) : undefined;
        const hl =
          current &&
          (marked.has(`!${r.index}`) ? 'focus' : marked.has(String(r.index)) ? 'hop' : '');
        const why = current && marked.has(`?${r.index}`);
        return (
          <div
            key={`${r.kind}${r.index}`}
            className={`rule-line rule-${r.kind}${hl ? ` rule-${hl}` : ''}${why ? ' rule-why' : ''}`}
            data-why={why || undefined}
            data-testid="rules.line"
            data-kind={r.kind}
            data-line={current ? r.index : undefined}
            data-hop={hl || undefined}
            data-count={count ? `×${count}` : undefined}
            title={count ? countTitle.replace('{n}', String(count)) : undefined}
          >
            {r.kind === 'removed' ? (
              <del className="rule-text">{pieces(r.text)}</del>
            ) : (
              <span className="rule-text">{pieces(r.text)}</span>
            )}
          </div>
        );
      })}
    </div>
  );
});

/** The line's text with hyphenated words kept whole (no break inside `--dport`). */
function pieces(text: string) {
  return rulePieces(text).map((p, i) =>
    p.keep ? (
      <span key={i} className="w">
        {p.text}
      </span>
    ) : (
      p.text
    ),
  );
}
