/**
 * The bundled, slim Monaco: the editor core, its features and the YAML tokenizer only.
 * @monaco-editor/react is pointed at this instance, so nothing is fetched from a CDN.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import { loader } from '@monaco-editor/react';

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    if (label === 'editorWorkerService' || label === 'workerMain.js') {
      return new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module' });
    }
    throw new Error(`Unknown Monaco worker label: ${label}`);
  },
};

loader.config({ monaco });

monaco.editor.defineTheme('kubesim', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'type', foreground: '1f5f99' },
    { token: 'string', foreground: '2e7d4f' },
    { token: 'number', foreground: 'a3552b' },
    { token: 'comment', foreground: '8a8f98', fontStyle: 'italic' },
  ],
  colors: {
    'editor.background': '#fbfcfd',
    'editorLineNumber.foreground': '#b4bac3',
    'editor.lineHighlightBackground': '#f1f4f8',
    'editorGutter.background': '#fbfcfd',
  },
});

declare global {
  interface Window {
    /** Test hook: the bundled Monaco namespace (e2e tests read and set the model through it). */
    __monaco?: typeof monaco;
  }
}
window.__monaco = monaco;

export { monaco };
