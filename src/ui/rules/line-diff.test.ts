import { describe, expect, test } from 'vitest';
import { diffLines, summarize, type DiffRow } from './line-diff.ts';

/** The diff as `diff -u` bodies: ' ', '+', '-' before each line. */
const show = (rows: readonly DiffRow[]) =>
  rows.map((r) => (r.kind === 'same' ? ' ' : r.kind === 'added' ? '+' : '-') + r.text);

/** Replays a diff: keeping same+added gives `after`, same+removed gives `before`. */
function check(before: string[], after: string[], maxEdits?: number) {
  const rows = diffLines(before, after, maxEdits);
  expect(rows.filter((r) => r.kind !== 'removed').map((r) => r.text)).toEqual(after);
  const kept = rows.filter((r) => r.kind !== 'added');
  expect(kept.map((r) => r.text).sort()).toEqual([...before].sort());
  for (const r of rows)
    expect(r.kind === 'removed' ? before[r.index] : after[r.index]).toBe(r.text);
  return rows;
}

describe('diffLines', () => {
  test('no change: every line is the same', () => {
    const rows = check(['a', 'b'], ['a', 'b']);
    expect(summarize(rows)).toEqual({ added: 0, removed: 0 });
  });

  test('3 → 4 replicas: a new KUBE-SEP chain and the recomputed probabilities', () => {
    const before = [
      '-N KUBE-SEP-A',
      '-N KUBE-SEP-B',
      '-N KUBE-SEP-C',
      '-A SVC -p 0.33333333349 -j KUBE-SEP-A',
      '-A SVC -p 0.50000000000 -j KUBE-SEP-B',
      '-A SVC -j KUBE-SEP-C',
    ];
    const after = [
      '-N KUBE-SEP-A',
      '-N KUBE-SEP-B',
      '-N KUBE-SEP-C',
      '-N KUBE-SEP-D',
      '-A SVC -p 0.25000000000 -j KUBE-SEP-A',
      '-A SVC -p 0.33333333349 -j KUBE-SEP-B',
      '-A SVC -p 0.50000000000 -j KUBE-SEP-C',
      '-A SVC -j KUBE-SEP-D',
    ];
    const rows = check(before, after);
    expect(show(rows)).toEqual([
      ' -N KUBE-SEP-A',
      ' -N KUBE-SEP-B',
      ' -N KUBE-SEP-C',
      '+-N KUBE-SEP-D',
      // Old then new, rule by rule, as `diff -u` prints a change.
      '-' + '-A SVC -p 0.33333333349 -j KUBE-SEP-A',
      '+-A SVC -p 0.25000000000 -j KUBE-SEP-A',
      '-' + '-A SVC -p 0.50000000000 -j KUBE-SEP-B',
      '+-A SVC -p 0.33333333349 -j KUBE-SEP-B',
      '-' + '-A SVC -j KUBE-SEP-C',
      '+-A SVC -p 0.50000000000 -j KUBE-SEP-C',
      '+-A SVC -j KUBE-SEP-D',
    ]);
    expect(summarize(rows)).toEqual({ added: 5, removed: 3 });
  });

  test('scaling back 4 → 3: the gone chain is struck where it stood', () => {
    const rows = check(
      ['-N SEP-A', '-N SEP-D', '-A SVC 0.25 -j SEP-A', '-A SVC -j SEP-D'],
      ['-N SEP-A', '-A SVC -j SEP-A'],
    );
    expect(show(rows)).toEqual([
      ' -N SEP-A',
      '--N SEP-D',
      '--A SVC 0.25 -j SEP-A',
      '+-A SVC -j SEP-A',
      '--A SVC -j SEP-D',
    ]);
  });

  test('from or to nothing', () => {
    expect(show(check([], ['x']))).toEqual(['+x']);
    expect(show(check(['x'], []))).toEqual(['-x']);
    expect(check([], [])).toEqual([]);
  });

  test('repeated lines are matched one for one', () => {
    check(['a', 'a', 'b', 'a'], ['a', 'b', 'a', 'a', 'a']);
    check(['COMMIT', 'x', 'COMMIT'], ['COMMIT', 'COMMIT']);
  });

  test('random edits replay exactly, with and without the edit budget', () => {
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const before = Array.from({ length: rnd(30) }, () => String.fromCharCode(97 + rnd(5)));
      const after = before.filter(() => rnd(4) !== 0);
      for (let i = rnd(6); i > 0; i--) after.splice(rnd(after.length + 1), 0, 'n' + rnd(3));
      const exact = check(before, after);
      check(before, after, 1);
      // Myers is minimal: no diff has fewer changed lines than the exact one.
      const s = summarize(exact);
      const budget = summarize(diffLines(before, after, 1));
      expect(s.added + s.removed).toBeLessThanOrEqual(budget.added + budget.removed);
    }
  });

  test('20 000 lines with a few changes stay fast', () => {
    const before = Array.from({ length: 20000 }, (_, i) => `-A KUBE-SEP-${i} -j DNAT`);
    const after = before.map((l, i) => (i % 2000 === 0 ? l + ' changed' : l));
    const t = performance.now();
    const rows = diffLines(before, after);
    expect(summarize(rows)).toEqual({ added: 10, removed: 10 });
    expect(performance.now() - t).toBeLessThan(500);
  });

  test('two unrelated 20 000-line texts fall back to the unordered diff quickly', () => {
    const before = Array.from({ length: 20000 }, (_, i) => `old ${i}`);
    const after = Array.from({ length: 20000 }, (_, i) => `new ${i}`);
    const t = performance.now();
    const rows = diffLines(before, after);
    expect(performance.now() - t).toBeLessThan(600);
    expect(summarize(rows)).toEqual({ added: 20000, removed: 20000 });
    expect(rows.filter((r) => r.kind === 'added').map((r) => r.text)).toEqual(after);
  });
});
