/** Placeholder editor (replaced by the CodeMirror island): a textarea that feeds the store. */
import { useAppStore, useAppStoreApi } from '../app/store-context.ts';

export default function EditorPane() {
  const store = useAppStoreApi();
  const yaml = useAppStore((s) => s.yaml);
  return (
    <section className="pane editor-pane" aria-label="YAML">
      <textarea
        data-testid="editor.text"
        defaultValue={yaml}
        spellCheck={false}
        onChange={(e) => store.getState().setYaml(e.target.value)}
      />
    </section>
  );
}
