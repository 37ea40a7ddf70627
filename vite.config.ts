/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      // monaco-editor >= 0.56's exports map breaks deep 'monaco-editor/esm/vs/...' imports.
      { find: /^monaco-editor\/esm\/vs\/(.*?)(\.js)?$/, replacement: 'monaco-editor/$1.js' },
    ],
  },
  // Worker-only dependencies are found late in dev, which reloads the page; declare them up front.
  optimizeDeps: { include: ['monaco-editor/editor/editor.worker.js', 'xstate', 'immer', 'yaml'] },
  worker: { format: 'es' },
  test: { include: ['src/**/*.test.{ts,tsx}'], environment: 'node' },
});
