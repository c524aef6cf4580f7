/**
 * The editor's look: colours come from CSS variables (editor.css, switched by the app's
 * `data-theme`), so one theme and one highlight style serve light and dark; `darkTheme` tells
 * CodeMirror's own base styles (selection, cursor) which one is on.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import { tags as t } from '@lezer/highlight';

const highlight = HighlightStyle.define([
  { tag: t.definition(t.propertyName), color: 'var(--cm-key)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--cm-string)' },
  { tag: t.content, color: 'var(--cm-value)' },
  { tag: t.lineComment, color: 'var(--cm-comment)', fontStyle: 'italic' },
  { tag: [t.meta, t.keyword], color: 'var(--cm-meta)' },
  { tag: [t.labelName, t.typeName], color: 'var(--cm-meta)' },
  { tag: [t.separator, t.punctuation, t.squareBracket, t.brace], color: 'var(--cm-punct)' },
]);

const look = EditorView.theme({
  '&': {
    height: '100%',
    fontSize: '12px',
    backgroundColor: 'var(--panel)',
    color: 'var(--fg)',
  },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '.cm-gutters': {
    backgroundColor: 'var(--panel-2)',
    color: 'var(--muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine': { backgroundColor: 'var(--cm-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--cm-active-line)', color: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--cm-selection) !important',
  },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--error)' },
  '.cm-lintRange-warning': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--warning)',
  },
  // The field whose rules are marked in the rules panel ("why" links): the same colours.
  '.cm-why-field': {
    backgroundColor: 'var(--accent-soft)',
    outline: '1px solid var(--accent)',
    borderRadius: '2px',
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--panel)',
    color: 'var(--fg)',
    border: '1px solid var(--border)',
  },
  '.cm-diagnostic': { fontFamily: 'var(--mono)', fontSize: '12px', whiteSpace: 'pre-wrap' },
});

/** The look for `dark` (reconfigured in a Compartment when the app's theme changes). */
export function editorTheme(dark: boolean): Extension {
  return [look, syntaxHighlighting(highlight), EditorView.darkTheme.of(dark)];
}
