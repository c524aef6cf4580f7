/**
 * What the rules list shows, derived once per input change: the lines of the chosen node and
 * view, diffed against the previous model (unless the marks were dismissed), filtered like grep,
 * with the current hop's lines and the trace's match counts located in them.
 */
import { useDeferredValue, useMemo } from 'react';
import {
  selectCurrentHop,
  selectModelVersion,
  selectPreviousRulesText,
  selectRulesNode,
  selectRulesText,
} from '../../store/selectors.ts';
import { useAppStore } from '../app/store-context.ts';
import { grep } from './grep.ts';
import { diffLines, summarize, type DiffRow, type DiffSummary } from './line-diff.ts';
import { countMatches, hopLines, indexRules, lineRuleKeys } from './rule-lines.ts';
import { selectWhyKeys } from '../../store/why-selectors.ts';

export interface RuleRows {
  /** Rows after the filter, in order (removed rows only while marks are shown). */
  readonly rows: readonly DiffRow[];
  /** Lines of the current text, and how many of them pass the filter. */
  readonly total: number;
  readonly shown: number;
  /** Added/removed counts while marks are shown, else null. */
  readonly changes: DiffSummary | null;
  /** Current-text line indices the current hop matched, and the one that decided (last). */
  readonly highlighted: ReadonlySet<number>;
  readonly focusLine: number;
  /** Rules of the current hop that this view does not show. */
  readonly hopElsewhere: number;
  /** Per current-text line index: times matched in the trace on this node. */
  readonly counts: ReadonlyMap<number, number>;
  readonly filter: string;
  /** Each current-text line's rule key (`<table> <chain> #<n>`), or null. */
  readonly keys: readonly (string | null)[];
  /** Current-text line indices of the rules the chosen YAML field produced. */
  readonly why: ReadonlySet<number>;
}

const splitLines = (text: string): string[] => {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};

export function useRuleRows(dismissedVersion: number): RuleRows {
  const text = useAppStore(selectRulesText);
  const previous = useAppStore(selectPreviousRulesText);
  const version = useAppStore(selectModelVersion);
  const view = useAppStore((s) => s.rulesView);
  const node = useAppStore(selectRulesNode);
  const hop = useAppStore(selectCurrentHop);
  const trace = useAppStore((s) => s.trace);
  const filter = useDeferredValue(useAppStore((s) => s.rulesFilter));

  const lines = useMemo(() => splitLines(text), [text]);
  const showMarks = previous !== null && dismissedVersion !== version;
  const all = useMemo<readonly DiffRow[]>(
    () =>
      showMarks
        ? diffLines(splitLines(previous), lines)
        : lines.map((t, index) => ({ kind: 'same', text: t, index })),
    [showMarks, previous, lines],
  );
  const changes = useMemo(() => (showMarks ? summarize(all) : null), [showMarks, all]);
  const index = useMemo(() => indexRules(lines, view), [lines, view]);
  const { highlighted, focusLine, hopElsewhere } = useMemo(() => {
    const found = hopLines(hop, node, index);
    return {
      highlighted: new Set(found.lines),
      focusLine: found.lines[found.lines.length - 1] ?? -1,
      hopElsewhere: found.elsewhere,
    };
  }, [hop, node, index]);
  const counts = useMemo(() => countMatches(trace, node, index), [trace, node, index]);
  const keys = useMemo(() => lineRuleKeys(lines, view), [lines, view]);
  const whyKeys = useAppStore(selectWhyKeys);
  const why = useMemo(() => {
    const out = new Set<number>();
    if (whyKeys.size > 0) keys.forEach((k, i) => k !== null && whyKeys.has(k) && out.add(i));
    return out;
  }, [keys, whyKeys]);
  const rows = useMemo(() => grep(all, filter, (r) => r.text), [all, filter]);
  const shown = useMemo(
    () =>
      filter === '' ? lines.length : rows.reduce((n, r) => n + (r.kind === 'removed' ? 0 : 1), 0),
    [filter, rows, lines],
  );

  return {
    rows,
    total: lines.length,
    shown,
    changes,
    highlighted,
    focusLine,
    hopElsewhere,
    counts,
    filter,
    keys,
    why,
  };
}
