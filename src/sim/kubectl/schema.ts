/**
 * The Kubernetes API schema kubectl explain reads: a JSON Schema document with a
 * definition per API type (descriptions included) and one `if apiVersion/kind then
 * $ref` entry per kind, as scripts/k8s-schema.ts generates it from kubernetes-types.
 * The Worker (or a test) loads it and hands it to kubectl in its context.
 */

/** One JSON Schema node. */
export interface SchemaNode {
  description?: string;
  type?: string | string[];
  $ref?: string;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  required?: string[];
  anyOf?: SchemaNode[];
  enum?: unknown[];
}

/** The whole schema document. */
export interface KubeSchema {
  allOf: { if: { properties: { apiVersion: { const: string }; kind: { const: string } } }; then: { $ref: string } }[];
  definitions: Record<string, SchemaNode>;
}

/** The definition a `$ref` points at. */
export function resolveRef(schema: KubeSchema, ref: string): SchemaNode | undefined {
  return schema.definitions[ref.replace('#/definitions/', '')];
}

/** The definition of a kind, e.g. (`apps/v1`, `Deployment`). */
export function kindDefinition(schema: KubeSchema, apiVersion: string, kind: string): SchemaNode | undefined {
  const entry = schema.allOf.find((e) => e.if.properties.apiVersion.const === apiVersion && e.if.properties.kind.const === kind);
  return entry && resolveRef(schema, entry.then.$ref);
}

/** Follows a node's `$ref` (or an array's item `$ref`) to the type it names. */
export function targetOf(schema: KubeSchema, node: SchemaNode): SchemaNode {
  const inner = node.type === 'array' && node.items ? node.items : node;
  return inner.$ref ? resolveRef(schema, inner.$ref) ?? inner : inner;
}

const NAMED_AS_STRING = new Set(['Time', 'MicroTime']);

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('.') + 1);
}

/** The type as `kubectl explain` names it: `<string>`, `<[]Container>`, `<map[string]string>`, `<IntOrString>`. */
export function typeLabel(node: SchemaNode): string {
  if (node.$ref) {
    const name = refName(node.$ref);
    return NAMED_AS_STRING.has(name) ? 'string' : name;
  }
  const type = node.type;
  if (Array.isArray(type)) return type.includes('number') && type.includes('string') ? 'IntOrString' : 'Object';
  switch (type) {
    case 'array':
      return `[]${node.items ? typeLabel(node.items) : 'Object'}`;
    case 'object':
      if (node.additionalProperties && typeof node.additionalProperties === 'object') return `map[string]${typeLabel(node.additionalProperties)}`;
      return 'Object';
    case 'number':
      return 'integer';
    case 'string':
    case 'boolean':
      return type;
    default:
      return 'Object';
  }
}
