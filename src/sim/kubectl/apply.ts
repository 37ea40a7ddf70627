/**
 * `kubectl apply -f -`: client-side apply with the last-applied-configuration
 * annotation. Prints one line per document as kubectl does
 * (`deployment.apps/web created`, `configured`, `unchanged`, or the error).
 * A YAML syntax error applies nothing.
 */
import type { ApiServer } from '../apiserver/apiserver';
import { clone } from '../apiserver/apiserver';
import { isReason } from '../apiserver/errors';
import { resourceForKind, apiVersionOf, type ResourceInfo } from '../api/resources';
import type { KubeObject } from '../api/types';
import { parseManifests, type YamlError } from './manifests';
import { threeWayMerge } from './merge';
import { formatApiError } from './status-errors';

/** The annotation client-side apply keeps the applied manifest in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** One printed line of the apply's output. */
export interface ApplyLine {
  text: string;
  error: boolean;
  /** 1-based line of the document it is about, when known. */
  line?: number;
}

/** Everything `applyYaml` reports. */
export interface ApplyReport {
  lines: ApplyLine[];
  /** YAML errors at their position, for editor markers. */
  markers: YamlError[];
}

/** `deployment.apps/web`, `pod/web-0`: how kubectl names an object in its output. */
export function objectName(info: ResourceInfo, name: string): string {
  return `${info.kind.toLowerCase()}${info.group ? `.${info.group}` : ''}/${name}`;
}

function mappingError(name: string, namespace: string, kind: string, apiVersion: string): string {
  return `error: resource mapping not found for name: "${name}" namespace: "${namespace}" from "STDIN": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`;
}

/** Applies one manifest object (in `namespace` from `-n` when it names none); returns the line kubectl prints for it. */
export function applyObject(api: ApiServer, manifest: Record<string, unknown>, namespaceFlag?: string): ApplyLine {
  const kind = typeof manifest.kind === 'string' ? manifest.kind : '';
  const apiVersion = typeof manifest.apiVersion === 'string' ? manifest.apiVersion : '';
  const missing = [!apiVersion && 'apiVersion not set', !kind && 'kind not set'].filter(Boolean);
  if (missing.length) {
    return { text: `error: error validating "STDIN": error validating data: [${missing.join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false`, error: true };
  }
  const metadata = (typeof manifest.metadata === 'object' && manifest.metadata !== null ? manifest.metadata : {}) as KubeObject['metadata'];
  const info = resourceForKind(kind);
  if (namespaceFlag && info?.namespaced) {
    if (metadata.namespace && metadata.namespace !== namespaceFlag) {
      return { text: `error: the namespace from the provided object "${metadata.namespace}" does not match the namespace "${namespaceFlag}". You must pass '--namespace=${metadata.namespace}' to perform this operation.`, error: true };
    }
    return applyObject(api, { ...manifest, metadata: { ...metadata, namespace: namespaceFlag } });
  }
  const namespace = info?.namespaced ? metadata.namespace || 'default' : '';
  if (!info || apiVersionOf(info) !== apiVersion) return { text: mappingError(metadata.name ?? '', metadata.namespace ?? '', kind, apiVersion), error: true };
  if (!metadata.name) {
    const gvr = `${apiVersion}, Resource=${info.resource}`;
    return {
      text: `error: error when retrieving current configuration of:\nResource: "${gvr}", GroupVersionKind: "${apiVersion}, Kind=${kind}"\nName: "", Namespace: "${namespace}"\nfrom server for: "STDIN": resource name may not be empty`,
      error: true,
    };
  }
  const applied = JSON.stringify(withoutLastApplied(manifest));
  const live = api.tryGet(kind, namespace, String(metadata.name));
  const label = objectName(info, String(metadata.name));
  if (!live) {
    const obj = clone(manifest) as KubeObject;
    obj.metadata = { ...obj.metadata, annotations: { ...(obj.metadata?.annotations ?? {}), [LAST_APPLIED]: applied + '\n' } };
    try {
      api.create(obj);
      return { text: `${label} created`, error: false };
    } catch (err) {
      return { text: formatApiError(err, 'creating'), error: true };
    }
  }
  const previous = live.metadata.annotations?.[LAST_APPLIED];
  const lastApplied = previous ? safeParse(previous) : {};
  const merged = threeWayMerge(lastApplied, withoutLastApplied(manifest), clone(live)) as KubeObject;
  merged.metadata = { ...merged.metadata, annotations: { ...(merged.metadata.annotations ?? {}), [LAST_APPLIED]: applied + '\n' } };
  merged.metadata.resourceVersion = live.metadata.resourceVersion;
  if (JSON.stringify(merged) === JSON.stringify(live)) return { text: `${label} unchanged`, error: false };
  for (let attempt = 0; ; attempt++) {
    try {
      api.update(merged);
      return { text: `${label} configured`, error: false };
    } catch (err) {
      if (isReason(err, 'Conflict') && attempt < 3) continue;
      return { text: formatApiError(err, 'patching'), error: true };
    }
  }
}

/** Applies every document of `text`, in order (in `namespace` when given, as `kubectl apply -n`). */
export function applyYaml(api: ApiServer, text: string, namespace?: string): ApplyReport {
  const { documents, errors } = parseManifests(text);
  if (errors.length) {
    // Like go-yaml, name the line where parsing gave up: the furthest end among the errors.
    const e = errors.reduce((a, b) => (b.endLine > a.endLine ? b : a));
    return {
      lines: [{ text: `error: error parsing STDIN: error converting YAML to JSON: yaml: line ${e.endLine}: ${e.message}`, error: true, line: e.endLine }],
      markers: errors,
    };
  }
  const lines: ApplyLine[] = [];
  for (const doc of documents) {
    if (doc.value === null) continue;
    if (typeof doc.value !== 'object' || Array.isArray(doc.value)) {
      lines.push({ text: `error: error parsing STDIN: error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(doc.value) ? 'array' : typeof doc.value} into Go value of type map[string]interface {}`, error: true, line: doc.line });
      continue;
    }
    const value = doc.value as Record<string, unknown>;
    if (value.kind === 'List' && Array.isArray(value.items)) {
      for (const item of value.items) lines.push({ ...applyObject(api, item as Record<string, unknown>, namespace), line: doc.line });
    } else {
      lines.push({ ...applyObject(api, value, namespace), line: doc.line });
    }
  }
  if (!lines.length) lines.push({ text: 'error: no objects passed to apply', error: true });
  return { lines, markers: [] };
}

function withoutLastApplied(manifest: Record<string, unknown>): Record<string, unknown> {
  const m = clone(manifest) as { metadata?: { annotations?: Record<string, string> } };
  if (m.metadata?.annotations) {
    delete m.metadata.annotations[LAST_APPLIED];
    if (!Object.keys(m.metadata.annotations).length) delete m.metadata.annotations;
  }
  return m as Record<string, unknown>;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
