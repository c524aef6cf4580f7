/**
 * Which lines a change added and removed: a line diff of the rules before and after, the way
 * `diff` shows it (Myers' O(ND) algorithm on the lines between a common prefix and suffix). A
 * changed probability is a removed line followed by an added one.
 *
 * Within a run of changes, a removed rule is shown just before the added rule of the same chain
 * (`-A KUBE-SVC-… 0.33… -j KUBE-SEP-A` struck, then `-A KUBE-SVC-… 0.25… -j KUBE-SEP-A`), so a
 * recomputed probability reads as "this became that".
 *
 * A huge change (another cluster pasted in) would make the exact diff slow; past `maxEdits` the
 * result is still correct about which lines are new and which are gone, but lists the removed
 * lines after the others instead of interleaving them.
 */

export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffRow {
  readonly kind: DiffKind;
  readonly text: string;
  /** Index in the new lines (same, added) or in the old lines (removed). */
  readonly index: number;
}

export interface DiffSummary {
  readonly added: number;
  readonly removed: number;
}

const DEFAULT_MAX_EDITS = 1000;

export function diffLines(
  before: readonly string[],
  after: readonly string[],
  maxEdits = DEFAULT_MAX_EDITS,
): DiffRow[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  const rows: DiffRow[] = [];
  for (let i = 0; i < start; i++) rows.push({ kind: 'same', text: after[i]!, index: i });
  const middle =
    myers(before, start, endB, after, start, endA, maxEdits) ??
    unordered(before, start, endB, after, start, endA);
  for (const r of tidyHunks(middle)) rows.push(r);
  for (let i = endA; i < after.length; i++) rows.push({ kind: 'same', text: after[i]!, index: i });
  return rows;
}

export function summarize(rows: readonly DiffRow[]): DiffSummary {
  let added = 0;
  let removed = 0;
  for (const r of rows) {
    if (r.kind === 'added') added++;
    else if (r.kind === 'removed') removed++;
  }
  return { added, removed };
}

/** The shortest edit script between a[a0..a1) and b[b0..b1), or null past `maxEdits`. */
function myers(
  a: readonly string[],
  a0: number,
  a1: number,
  b: readonly string[],
  b0: number,
  b1: number,
  maxEdits: number,
): DiffRow[] | null {
  const n = a1 - a0;
  const m = b1 - b0;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    // Only diagonals -d…d can matter at this step: keep that part of the frontier.
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return null;
  // Walk back through the saved frontiers, emitting rows from the end.
  const out: DiffRow[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && prev[d + k - 1]! < prev[d + k + 1]!);
    const pk = down ? k + 1 : k - 1;
    const px = prev[d + pk]!;
    const py = px - pk;
    while (x > px + (down ? 0 : 1) && y > py + (down ? 1 : 0)) {
      x--;
      y--;
      out.push({ kind: 'same', text: b[b0 + y]!, index: b0 + y });
    }
    if (down) {
      y--;
      out.push({ kind: 'added', text: b[b0 + y]!, index: b0 + y });
    } else {
      x--;
      out.push({ kind: 'removed', text: a[a0 + x]!, index: a0 + x });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    out.push({ kind: 'same', text: b[b0 + y]!, index: b0 + y });
  }
  return out.reverse();
}

/** Multiset difference: new lines in order, then the lines that are gone. */
function unordered(
  a: readonly string[],
  a0: number,
  a1: number,
  b: readonly string[],
  b0: number,
  b1: number,
): DiffRow[] {
  const left = new Map<string, number>();
  for (let i = a0; i < a1; i++) left.set(a[i]!, (left.get(a[i]!) ?? 0) + 1);
  const out: DiffRow[] = [];
  for (let j = b0; j < b1; j++) {
    const text = b[j]!;
    const c = left.get(text) ?? 0;
    if (c > 0) left.set(text, c - 1);
    out.push({ kind: c > 0 ? 'same' : 'added', text, index: j });
  }
  for (let i = a0; i < a1; i++) {
    const c = left.get(a[i]!) ?? 0;
    if (c > 0) {
      left.set(a[i]!, c - 1);
      out.push({ kind: 'removed', text: a[i]!, index: i });
    }
  }
  return out;
}

/** `-A KUBE-SVC-X`, `-N`, `:` or the first word: lines with the same key belong together. */
function lineKey(text: string): string {
  if (text.startsWith(':')) return ':';
  const sp = text.indexOf(' ');
  if (sp < 0) return text;
  const head = text.slice(0, sp);
  if (head !== '-A' && head !== '-I') return head;
  const sp2 = text.indexOf(' ', sp + 1);
  return sp2 < 0 ? text : text.slice(0, sp2);
}

const MAX_TIDY = 400;

/** Reorders each run of changes so removed and added lines of the same chain sit together. */
function tidyHunks(rows: readonly DiffRow[]): readonly DiffRow[] {
  const out: DiffRow[] = [];
  let i = 0;
  while (i < rows.length) {
    if (rows[i]!.kind === 'same') {
      out.push(rows[i++]!);
      continue;
    }
    let j = i;
    while (j < rows.length && rows[j]!.kind !== 'same') j++;
    const hunk = rows.slice(i, j);
    if (hunk.length > MAX_TIDY) out.push(...hunk);
    else
      out.push(
        ...interleave(
          hunk.filter((r) => r.kind === 'removed'),
          hunk.filter((r) => r.kind === 'added'),
        ),
      );
    i = j;
  }
  return out;
}

function interleave(removed: readonly DiffRow[], added: readonly DiffRow[]): DiffRow[] {
  const rk = removed.map((r) => lineKey(r.text));
  const ak = added.map((r) => lineKey(r.text));
  const out: DiffRow[] = [];
  let i = 0;
  let j = 0;
  while (i < removed.length && j < added.length) {
    if (rk[i] === ak[j]) {
      out.push(removed[i++]!, added[j++]!);
    } else if (rk.indexOf(ak[j]!, i) >= 0) {
      out.push(removed[i++]!); // the added line's chain comes later among the removed ones
    } else if (ak.indexOf(rk[i]!, j) >= 0) {
      out.push(added[j++]!);
    } else {
      out.push(removed[i++]!);
    }
  }
  while (i < removed.length) out.push(removed[i++]!);
  while (j < added.length) out.push(added[j++]!);
  return out;
}
