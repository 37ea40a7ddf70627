/**
 * The bundled, slim Monaco: the editor core, its features and the YAML tokenizer only.
 * @monaco-editor/react is pointed at this instance, so nothing is fetched from a CDN.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import { loader } from '@monaco-editor/react';
import { configureMonacoYaml } from 'monaco-yaml';
import k8sSchema from 'virtual:k8s-schema';

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    if (label === 'editorWorkerService' || label === 'workerMain.js') {
      return new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module' });
    }
    if (label === 'yaml') return new Worker(new URL('./yaml.worker.ts', import.meta.url), { type: 'module' });
    throw new Error(`Unknown Monaco worker label: ${label}`);
  },
};

loader.config({ monaco });

/** The model path of the manifest editor (the schema below applies to it). */
export const MANIFEST_URI = 'file:///manifest.yaml';

/**
 * monaco-yaml 5.5.1 still calls `createWebWorker({ moduleId, label, createData })`, the form
 * Monaco dropped in 0.55; this adapter starts the worker the way Monaco's own helper does.
 */
function legacyCreateWebWorker(o: { moduleId?: string; label?: string; createData?: unknown; host?: Record<string, (...args: never[]) => unknown>; keepIdleModels?: boolean }) {
  const worker = Promise.resolve(self.MonacoEnvironment!.getWorker!(o.moduleId ?? 'workerMain.js', o.label ?? 'monaco-editor-worker')).then((w) => {
    w.postMessage('ignore');
    w.postMessage(o.createData);
    return w;
  });
  return monaco.editor.createWebWorker({ worker, host: o.host, keepIdleModels: o.keepIdleModels });
}
const monacoForYaml = { ...monaco, editor: { ...monaco.editor, createWebWorker: legacyCreateWebWorker } } as unknown as typeof monaco;

// Validation, completion and hover from the Kubernetes API schema (generated from kubernetes-types).
configureMonacoYaml(monacoForYaml, {
  enableSchemaRequest: false,
  validate: true,
  hover: true,
  completion: true,
  schemas: [{ uri: 'inmemory://schemas/kubernetes.json', fileMatch: ['**/manifest.yaml', 'manifest.yaml'], schema: k8sSchema }],
});

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
