/**
 * How the terminal reaches the manifest editor: it reads the editor's text
 * (`kubectl apply -f manifest.yaml`) and opens YAML in it (`kubectl edit`).
 * The editor panel registers itself here; the terminal only calls.
 */
export interface EditorHandle {
  text(): string;
  open(yaml: string): void;
}

let handle: EditorHandle | null = null;

/** Called by the editor panel on mount (and with null on unmount). */
export function registerEditor(h: EditorHandle | null): void {
  handle = h;
}

/** The editor's current text ('' before the editor panel exists). */
export function editorText(): string {
  return handle?.text() ?? '';
}

/** Shows `yaml` in the editor, replacing its text (undo brings the old text back). */
export function openInEditor(yaml: string): void {
  handle?.open(yaml);
}
