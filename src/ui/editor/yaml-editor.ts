/**
 * The YAML editor as an imperative island (house-style §4.7): one CodeMirror EditorView, created
 * once, talking to the store without React in between.
 *
 * - out: every edit is pushed to the store with `setYaml`, debounced, so the engine runs once
 *   per pause in typing (and at once before the page goes away, so no text is lost);
 * - in: when the store's text changes from elsewhere (scenario picker, toolbar actions) the
 *   editor gets one replacement transaction; diagnostics are pushed with `setDiagnostics`;
 *   the theme is swapped in a Compartment.
 */
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Annotation, Compartment, EditorSelection, EditorState } from '@codemirror/state';
import {
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  lineNumbers,
} from '@codemirror/view';
import { fieldSpan } from '../../engine/index.ts';
import { minimalSetup } from 'codemirror';
import type { AppStore } from '../../store/app-store.ts';
import { debounce } from './debounce.ts';
import { setEditorReader } from './editor-handle.ts';
import { toEditorDiagnostics } from './diagnostics.ts';
import { editorTheme } from './editor-theme.ts';
import { textChange } from './text-change.ts';
import { setWhyMark, whyMark } from './why-mark.ts';

/** How long typing must pause before the engine runs. */
export const EDIT_DEBOUNCE_MS = 200;

/** Marks transactions that bring the store's text in, so they are not sent back out. */
const fromStore = Annotation.define<boolean>();

export interface YamlEditor {
  readonly view: EditorView;
  /** Names the editor for screen readers (the language changed). */
  setAriaLabel(label: string): void;
  /** Puts the cursor at `offset`, scrolls there and focuses the editor. */
  jumpTo(offset: number): void;
  destroy(): void;
}

export function mountYamlEditor(
  parent: HTMLElement,
  store: AppStore,
  labels: { readonly ariaLabel: string },
): YamlEditor {
  const push = debounce((text: string) => store.getState().setYaml(text), EDIT_DEBOUNCE_MS);
  const theme = new Compartment();
  const aria = new Compartment();
  const ariaLabel = (label: string) => EditorView.contentAttributes.of({ 'aria-label': label });
  const initial = store.getState();

  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: initial.yaml,
      extensions: [
        minimalSetup,
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        EditorView.lineWrapping,
        yaml(),
        lintGutter(),
        whyMark,
        theme.of(editorTheme(initial.theme === 'dark')),
        aria.of(ariaLabel(labels.ariaLabel)),
        EditorView.updateListener.of((u) => {
          // A click in the text asks which rules the field under it made ("why" links).
          if (u.selectionSet && u.transactions.some((tr) => tr.isUserEvent('select.pointer')))
            store.getState().explainAt(u.state.selection.main.head, u.state.doc.toString());
          if (!u.docChanged || u.transactions.some((tr) => tr.annotation(fromStore))) return;
          push(u.state.doc.toString());
        }),
      ],
    }),
  });

  /** Marks the chosen "why" field in the text (when it is there and the text is the store's). */
  const showWhy = () => {
    const s = store.getState();
    const span =
      s.why && s.yaml === view.state.doc.toString() ? fieldSpan(s.yaml, s.why.field) : null;
    view.dispatch({ effects: setWhyMark.of(span) });
  };

  /** Selects and scrolls to a span the store asked to show (a rule's YAML), once. */
  const showReveal = () => {
    const r = store.getState().reveal;
    if (!r) return;
    const len = view.state.doc.length;
    view.dispatch({
      selection: EditorSelection.range(Math.min(r.from, len), Math.min(r.to, len)),
      effects: EditorView.scrollIntoView(Math.min(r.from, len), { y: 'center' }),
    });
    view.focus(); // the selection shows (and can be copied) where the learner now looks
    store.getState().revealed();
  };

  const showDiagnostics = () => {
    const diagnostics = toEditorDiagnostics(store.getState().diagnostics, view.state.doc.length);
    view.dispatch(setDiagnostics(view.state, diagnostics));
  };
  showDiagnostics();
  showWhy();
  showReveal();

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.yaml !== prev.yaml) {
      const change = textChange(view.state.doc.toString(), s.yaml);
      if (change) {
        // The text was replaced from elsewhere: it wins over anything still waiting to be sent.
        push.cancel();
        view.dispatch({ changes: change, annotations: fromStore.of(true) });
      }
    }
    if (s.diagnostics !== prev.diagnostics || s.yaml !== prev.yaml) showDiagnostics();
    if (s.why !== prev.why || s.yaml !== prev.yaml) showWhy();
    if (s.reveal !== prev.reveal) showReveal();
    if (s.theme !== prev.theme)
      view.dispatch({ effects: theme.reconfigure(editorTheme(s.theme === 'dark')) });
  });

  setEditorReader(() => view.state.doc.toString());

  const flush = () => push.flush();
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', flush);

  return {
    view,
    setAriaLabel(label) {
      view.dispatch({ effects: aria.reconfigure(ariaLabel(label)) });
    },
    jumpTo(offset) {
      const at = Math.max(0, Math.min(offset, view.state.doc.length));
      view.dispatch({
        selection: EditorSelection.cursor(at),
        effects: EditorView.scrollIntoView(at, { y: 'center' }),
      });
      view.focus();
    },
    destroy() {
      push.flush();
      setEditorReader(null);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      unsubscribe();
      view.destroy();
    },
  };
}
