/**
 * The chosen "why" field, marked in the editor: one mark decoration the store's `why` puts in
 * place (and text edits move along).
 */
import { StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

/** Sets the marked span (null: none). */
export const setWhyMark = StateEffect.define<{ from: number; to: number } | null>();

const mark = Decoration.mark({
  class: 'cm-why-field',
  attributes: { 'data-testid': 'editor.why' },
});

export const whyMark = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setWhyMark)) continue;
      const len = tr.state.doc.length;
      const span = e.value;
      next =
        span && span.to > span.from && span.to <= len
          ? Decoration.set([mark.range(span.from, span.to)])
          : Decoration.none;
    }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});
