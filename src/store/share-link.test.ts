import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, test } from 'vitest';
import { createAppStore } from './app-store.ts';
import { decodeShareLink, encodeShareLink, shareStateOf } from './share-link.ts';

const ARTICLE = readFileSync(
  new URL('../../scenarios/article/scenario.yaml', import.meta.url),
  'utf8',
);

describe('share links', () => {
  test('round trip: the same state comes back', () => {
    const store = createAppStore({ yaml: ARTICLE, scenarioName: 'article', seed: 5 });
    store.getState().send();
    store.getState().seek(7);
    const state = shareStateOf(store.getState());
    const link = encodeShareLink(state);
    expect(link.startsWith('#s=')).toBe(true);
    expect(decodeShareLink(link)).toEqual({ ok: true, value: state });
    expect(state.traceSeed).toBe(5);
    expect(state.hopIndex).toBe(7);
  });

  test('the lesson, its step and the grep travel too; links made before them still open', () => {
    const store = createAppStore({ yaml: ARTICLE, scenarioName: 'article' });
    store.getState().openLesson({ id: 'probability', step: 1 });
    store.getState().setRulesFilter('KUBE-SVC');
    const state = shareStateOf(store.getState());
    expect(decodeShareLink(encodeShareLink(state))).toEqual({ ok: true, value: state });
    expect(state.lesson).toEqual({ id: 'probability', step: 1 });

    const { lesson: _l, rulesFilter: _f, ...older } = state;
    const opened = decodeShareLink('#s=' + compressToEncodedURIComponent(JSON.stringify(older)));
    expect(opened).toMatchObject({ ok: true, value: { lesson: null, rulesFilter: '' } });
    const bad = { ...state, lesson: { id: 'probability', step: -1 } };
    expect(decodeShareLink(encodeShareLink(bad))).toMatchObject({ ok: false, problem: 'damaged' });
  });

  test('a cut-off link, a foreign fragment and a wrong version are refused with a message', () => {
    const link = encodeShareLink(shareStateOf(createAppStore({ yaml: ARTICLE }).getState()));
    const cut = decodeShareLink(link.slice(0, link.length / 2));
    expect(cut).toMatchObject({ ok: false, problem: 'damaged' });
    expect(decodeShareLink('#section-2')).toEqual({
      ok: false,
      error: 'this is not a podpath share link',
      problem: 'notShare',
    });
    const v2 = '#s=' + compressToEncodedURIComponent(JSON.stringify({ v: 2 }));
    expect(decodeShareLink(v2)).toEqual({
      ok: false,
      error: 'the share link is from another version of podpath (v=2)',
      problem: 'otherVersion',
    });
  });

  test('an oversized link is refused before decompressing', () => {
    const r = decodeShareLink('#s=' + 'A'.repeat(300_000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/too long/);
    expect(r).toMatchObject({ ok: false, problem: 'tooLong' });
  });

  test('never throws on arbitrary fragments', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = decodeShareLink('#s=' + s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
