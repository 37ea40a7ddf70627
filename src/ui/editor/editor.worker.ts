// Monaco's editor worker (a local wrapper so the same URL pattern works in dev and build).
import 'monaco-editor/editor/editor.worker.js';
