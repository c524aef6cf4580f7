/**
 * The mounted editor's document, readable without CodeMirror (window.__podpath.editorText() in
 * the browser tests). Null while no editor is mounted (it loads lazily).
 */
let read: (() => string) | null = null;

export function setEditorReader(reader: (() => string) | null): void {
  read = reader;
}

export function editorText(): string | null {
  return read ? read() : null;
}
