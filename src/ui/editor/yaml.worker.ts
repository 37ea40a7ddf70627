// monaco-yaml's language worker (a local wrapper so the same URL pattern works in dev and build).
import 'monaco-yaml/yaml.worker.js';
