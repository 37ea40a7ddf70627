/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { buildK8sSchema } from './scripts/k8s-schema';

/** `virtual:k8s-schema`: the editor's JSON Schema, generated from kubernetes-types at build and dev time. */
function k8sSchema(): Plugin {
  const id = 'virtual:k8s-schema';
  return {
    name: 'kubesim-k8s-schema',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) => (resolved === `\0${id}` ? `export default JSON.parse(${JSON.stringify(JSON.stringify(buildK8sSchema()))});` : undefined),
  };
}

export default defineConfig({
  plugins: [react(), k8sSchema()],
  resolve: {
    alias: [
      // monaco-editor >= 0.56's exports map breaks deep 'monaco-editor/esm/vs/...' imports.
      { find: /^monaco-editor\/esm\/vs\/(.*?)(\.js)?$/, replacement: 'monaco-editor/$1.js' },
    ],
  },
  // Worker-only dependencies are found late in dev, which reloads the page; declare them up front.
  optimizeDeps: { include: ['monaco-editor/editor/editor.worker.js', 'monaco-yaml/yaml.worker.js', 'xstate', 'immer', 'yaml'] },
  worker: { format: 'es' },
  test: { include: ['src/**/*.test.{ts,tsx}'], environment: 'node' },
});
