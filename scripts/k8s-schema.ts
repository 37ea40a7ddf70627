/**
 * Builds the JSON Schema the manifest editor validates against, from the Kubernetes API types.
 *
 * Source (why this one): no npm package ships the Kubernetes OpenAPI or JSON Schema files, and
 * everything that does fetches them from the network. `kubernetes-types` (a maintained package,
 * generated from the Kubernetes OpenAPI spec, installed as a dev dependency) carries every API
 * type as a TypeScript interface with the API's field descriptions as doc comments. This script
 * reads those .d.ts files with the TypeScript compiler API and turns each interface into a JSON
 * Schema definition: required fields, types, enums of literal types, and descriptions (shown
 * on hover). The top level picks the definition by `apiVersion` and `kind` (`if`/`then`), so a
 * Deployment is checked against the Deployment schema. Nothing here is hand-written per kind.
 *
 * Run by the build: vite.config.ts serves the result as the module `virtual:k8s-schema`.
 * `node --experimental-strip-types scripts/k8s-schema.ts > schema.json` prints it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

type Schema = Record<string, unknown>;

/** Types that are strings in the Go/TS types but accept plain numbers in YAML (`cpu: 1`). */
const NUMBER_OR_STRING = new Set(['api.resource.Quantity']);

function packageRoot(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('kubernetes-types/package.json'));
}

function dtsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return dtsFiles(p);
    return name.endsWith('.d.ts') ? [p] : [];
  });
}

/** `apps/v1.d.ts` -> `apps.v1`. */
function moduleId(root: string, file: string): string {
  return relative(root, file).replace(/\.d\.ts$/, '').split(/[\\/]/).join('.');
}

/** The text of a node's doc comment, tidied for hover. */
function docOf(node: ts.Node, text: string): string | undefined {
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  const doc = ranges.filter((r) => text.startsWith('/**', r.pos)).pop();
  if (!doc) return undefined;
  const body = text
    .slice(doc.pos + 3, doc.end - 2)
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();
  return body || undefined;
}

/** Builds the schema: `definitions` for every API type, and a top level keyed by apiVersion and kind. */
export function buildK8sSchema(): Schema {
  const root = packageRoot();
  const definitions: Record<string, Schema> = {};
  const kinds: { apiVersion: string; kind: string; ref: string; description?: string }[] = [];

  for (const file of dtsFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const id = moduleId(root, file);
    // Imported names -> the module that defines them.
    const imports = new Map<string, string>();
    for (const st of source.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
      const target = moduleId(root, join(dirname(file), `${st.moduleSpecifier.text}.d.ts`));
      const bindings = st.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) imports.set(el.name.text, target);
    }
    const ref = (name: string) => `#/definitions/${imports.get(name) ?? id}.${name}`;

    const typeSchema = (node: ts.TypeNode): Schema => {
      switch (node.kind) {
        case ts.SyntaxKind.StringKeyword:
          return { type: 'string' };
        case ts.SyntaxKind.NumberKeyword:
          return { type: 'number' };
        case ts.SyntaxKind.BooleanKeyword:
          return { type: 'boolean' };
        case ts.SyntaxKind.AnyKeyword:
        case ts.SyntaxKind.UnknownKeyword:
          return {};
      }
      if (ts.isParenthesizedTypeNode(node)) return typeSchema(node.type);
      if (ts.isLiteralTypeNode(node)) {
        const lit = node.literal;
        if (ts.isStringLiteral(lit)) return { type: 'string', enum: [lit.text] };
        if (ts.isNumericLiteral(lit)) return { type: 'number', enum: [Number(lit.text)] };
        if (lit.kind === ts.SyntaxKind.TrueKeyword || lit.kind === ts.SyntaxKind.FalseKeyword) return { type: 'boolean' };
        if (lit.kind === ts.SyntaxKind.NullKeyword) return { type: 'null' };
      }
      if (ts.isArrayTypeNode(node)) return { type: 'array', items: typeSchema(node.elementType) };
      if (ts.isUnionTypeNode(node)) {
        const parts = node.types.map(typeSchema);
        const simple = parts.every((p) => Object.keys(p).length === 1 && typeof p.type === 'string');
        return simple ? { type: [...new Set(parts.map((p) => p.type as string))] } : { anyOf: parts };
      }
      if (ts.isTypeLiteralNode(node)) return objectSchema(node.members);
      if (ts.isTypeReferenceNode(node)) {
        const name = node.typeName.getText(source);
        if (name === 'Array' && node.typeArguments?.length === 1) return { type: 'array', items: typeSchema(node.typeArguments[0]) };
        if (name === 'Record' && node.typeArguments?.length === 2) return { type: 'object', additionalProperties: typeSchema(node.typeArguments[1]) };
        return { $ref: ref(name) };
      }
      return {};
    };

    const objectSchema = (members: ts.NodeArray<ts.TypeElement>): Schema => {
      const properties: Record<string, Schema> = {};
      const required: string[] = [];
      let additional: Schema | undefined;
      for (const m of members) {
        if (ts.isIndexSignatureDeclaration(m) && m.type) additional = typeSchema(m.type);
        if (!ts.isPropertySignature(m) || !m.type) continue;
        const name = m.name.getText(source).replace(/^["']|["']$/g, '');
        const prop = typeSchema(m.type);
        const description = docOf(m, text);
        properties[name] = description ? { description, ...prop } : prop;
        if (!m.questionToken) required.push(name);
      }
      const out: Schema = { type: 'object' };
      if (Object.keys(properties).length) {
        out.properties = properties;
        // Unknown fields are what the API server warns about (strict field validation).
        out.additionalProperties = additional ?? false;
      } else if (additional) out.additionalProperties = additional;
      if (required.length) out.required = required;
      return out;
    };

    for (const st of source.statements) {
      if (ts.isInterfaceDeclaration(st)) {
        const key = `${id}.${st.name.text}`;
        const schema = objectSchema(st.members);
        const description = docOf(st, text);
        definitions[key] = description ? { description, ...schema } : schema;
        const props = schema.properties as Record<string, Schema> | undefined;
        const apiVersion = (props?.apiVersion?.enum as string[] | undefined)?.[0];
        const kind = (props?.kind?.enum as string[] | undefined)?.[0];
        if (apiVersion && kind) kinds.push({ apiVersion, kind, ref: `#/definitions/${key}`, description });
      } else if (ts.isTypeAliasDeclaration(st)) {
        const key = `${id}.${st.name.text}`;
        const schema = NUMBER_OR_STRING.has(key) ? { type: ['string', 'number'] } : typeSchema(st.type);
        const description = docOf(st, text);
        definitions[key] = description ? { description, ...schema } : schema;
      }
    }
  }

  kinds.sort((a, b) => a.apiVersion.localeCompare(b.apiVersion) || a.kind.localeCompare(b.kind));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes object',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', description: 'APIVersion defines the versioned schema of this representation of an object.', enum: [...new Set(kinds.map((k) => k.apiVersion))] },
      kind: { type: 'string', description: 'Kind is a string value representing the REST resource this object represents.', enum: [...new Set(kinds.map((k) => k.kind))] },
    },
    allOf: kinds.map((k) => ({
      if: { properties: { apiVersion: { const: k.apiVersion }, kind: { const: k.kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: k.ref },
    })),
    definitions,
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split(/[\\/]/).pop() ?? '')) {
  process.stdout.write(JSON.stringify(buildK8sSchema()));
}
