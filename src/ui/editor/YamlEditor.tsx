/** The Monaco YAML editor (loaded lazily: Monaco is most of the bundle). */
import { useEffect, useRef } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { MANIFEST_URI, monaco } from './monacoSetup';
import type { ApplyResult } from '../../worker/protocol';

export interface YamlEditorProps {
  defaultValue: string;
  onChange: (text: string) => void;
  markers: ApplyResult['markers'];
  onApply: () => void;
  /** Replaces the whole text (undoable) whenever `n` changes: `kubectl edit` from the terminal. */
  replacement?: { text: string; n: number } | null;
}

export default function YamlEditor({ defaultValue, onChange, markers, onApply, replacement }: YamlEditorProps) {
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const onApplyRef = useRef(onApply);
  useEffect(() => {
    onApplyRef.current = onApply;
  }, [onApply]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'kubectl',
      markers.map((m) => {
        const line = Math.min(Math.max(1, m.line), model.getLineCount());
        const column = Math.max(1, m.column);
        return {
          severity: monaco.MarkerSeverity.Error,
          message: m.message,
          startLineNumber: line,
          startColumn: column,
          endLineNumber: line,
          endColumn: Math.max(column + 1, model.getLineMaxColumn(line)),
        };
      }),
    );
  }, [markers]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || !replacement || model.getValue() === replacement.text) return;
    editor.pushUndoStop();
    editor.executeEdits('kubectl-edit', [{ range: model.getFullModelRange(), text: replacement.text }]);
    editor.pushUndoStop();
    editor.setPosition({ lineNumber: 1, column: 1 });
    editor.revealLine(1);
  }, [replacement]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => onApplyRef.current());
    const model = editor.getModel();
    if (model) monaco.editor.setModelMarkers(model, 'kubectl', []);
  };

  return (
    <div className="yaml-editor" data-testid="yaml-editor">
      <Editor
        path={MANIFEST_URI}
        defaultLanguage="yaml"
        defaultValue={defaultValue}
        theme="kubesim"
        onMount={onMount}
        onChange={(v) => onChange(v ?? '')}
        options={{
          minimap: { enabled: false },
          fontSize: 13,
          lineHeight: 19,
          tabSize: 2,
          scrollBeyondLastLine: false,
          renderLineHighlight: 'line',
          automaticLayout: true,
          fixedOverflowWidgets: true,
          padding: { top: 8 },
          scrollbar: { verticalScrollbarSize: 8, horizontalScrollbarSize: 8 },
        }}
      />
    </div>
  );
}
