/**
 * ConfigMaps and generic Secrets as `kubectl create configmap|secret generic`
 * builds them from `--from-literal`, `--from-file` and `--from-env-file`.
 */
import type { KubeObject } from '../../api/types';
import { UsageError } from '../flags';

/** Where the data of a configmap or secret comes from. */
export interface DataSources {
  literals: string[];
  files: string[];
  envFiles: string[];
  /** The virtual files a `--from-file` can name. */
  readFile(path: string): string | undefined;
}

/** Collects the key/value pairs, with kubectl's errors for bad sources and duplicate keys. */
export function collectData(src: DataSources, kind: 'ConfigMap' | 'Secret', name: string): Record<string, string> {
  const data: Record<string, string> = {};
  const put = (key: string, value: string) => {
    if (key in data) throw new UsageError(`error: cannot add key "${key}", another key by that name already exists in Data for ${kind} "${name}"`);
    data[key] = value;
  };
  for (const lit of src.literals) {
    const i = lit.indexOf('=');
    if (i <= 0) throw new UsageError(`error: invalid literal source ${lit}, expected key=value`);
    put(lit.slice(0, i), lit.slice(i + 1));
  }
  for (const spec of src.files) {
    const i = spec.indexOf('=');
    const key = i > 0 ? spec.slice(0, i) : spec.slice(spec.lastIndexOf('/') + 1);
    const path = i > 0 ? spec.slice(i + 1) : spec;
    const text = src.readFile(path);
    if (text === undefined) throw new UsageError(`error: error reading ${path}: no such file or directory`);
    put(key, text);
  }
  for (const path of src.envFiles) {
    const text = src.readFile(path);
    if (text === undefined) throw new UsageError(`error: open ${path}: no such file or directory`);
    for (const line of text.split('\n')) {
      const l = line.trim();
      if (!l || l.startsWith('#')) continue;
      const i = l.indexOf('=');
      put(i < 0 ? l : l.slice(0, i), i < 0 ? '' : l.slice(i + 1));
    }
  }
  return data;
}

/** The ConfigMap object. */
export function buildConfigMap(name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data };
}

/** Base64 of a UTF-8 string, as Secret data holds it. */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The generic Secret object (type Opaque unless `--type`). */
export function buildSecret(name: string, data: Record<string, string>, type = 'Opaque'): KubeObject {
  const encoded: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) encoded[k] = base64(v);
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name }, data: encoded, type };
}
