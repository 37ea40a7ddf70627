/**
 * `kubectl explain TYPE[.field.path]`: the documentation of a kind or field, from
 * the API schema, in the layout of kubectl's OpenAPI v3 explain template.
 */
import type { Command } from '../command';
import { UsageError } from '../flags';
import { resolveResource } from '../../api/resources';
import { kindDefinition, targetOf, typeLabel, type KubeSchema, type SchemaNode } from '../schema';

const WIDTH = 80;

/** Greedy word wrap of `text` to WIDTH columns, every line indented by `indent` spaces. */
function wrap(text: string, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent + line.length + 1 + word.length > WIDTH) {
        lines.push(pad + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(pad + line);
  }
  return lines;
}

function fieldList(schema: KubeSchema, node: SchemaNode, recursive: boolean, depth = 1, seen = new Set<SchemaNode>()): string[] {
  const out: string[] = [];
  const props = node.properties ?? {};
  const required = new Set(node.required ?? []);
  for (const name of Object.keys(props).sort()) {
    const prop = props[name];
    const pad = '  '.repeat(depth);
    out.push(`${pad}${name}\t<${typeLabel(prop)}>${required.has(name) ? ' -required-' : ''}`);
    if (recursive) {
      const target = targetOf(schema, prop);
      // Recursive types (JSONSchemaProps) would never end: show each type once per path.
      if (target.properties && !seen.has(target)) out.push(...fieldList(schema, target, true, depth + 1, new Set([...seen, target])));
    } else {
      if (prop.description) out.push(...wrap(prop.description, 4));
      out.push('');
    }
  }
  return out;
}

export const explainCommand: Command = {
  name: 'explain',
  short: 'Get documentation for a resource',
  flags: [
    { name: 'recursive', type: 'bool', default: false, usage: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
    { name: 'api-version', type: 'string', default: '', usage: 'Use given api-version (group/version) of the resource.' },
  ],
  run(ctx, parsed, io) {
    if (parsed.args.length !== 1) {
      throw new UsageError("error: You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.");
    }
    const [typed, ...path] = parsed.args[0].split('.');
    const info = resolveResource(typed);
    if (!info) throw new UsageError(`error: the server doesn't have a resource type "${typed}"`);
    const schema = ctx.schema as KubeSchema | undefined;
    if (!schema) throw new UsageError('error: failed to download openapi: the schema is still loading, try again in a moment');
    const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
    let node = kindDefinition(schema, apiVersion, info.kind);
    if (!node) throw new UsageError(`error: couldn't find resource for "${apiVersion}, Kind=${info.kind}"`);

    const header = [...(info.group ? [`GROUP:      ${info.group}`] : []), `KIND:       ${info.kind}`, `VERSION:    ${info.version}`, ''];
    const lines = [...header];
    let description = node.description ?? '';
    if (path.length) {
      let field: SchemaNode | undefined;
      for (const segment of path) {
        field = targetOf(schema, node).properties?.[segment];
        if (!field) throw new UsageError(`error: field "${segment}" does not exist`);
        node = field;
      }
      const target = targetOf(schema, node);
      // A field's text is its own description followed by its type's.
      description = [node.description, target !== node && !target.type?.includes?.('string') ? target.description : undefined].filter(Boolean).join('\n');
      lines.push(`FIELD: ${path[path.length - 1]} <${typeLabel(node)}>`, '', '');
      node = target;
    }
    lines.push('DESCRIPTION:', ...wrap(description, 4), '    ');
    if (node.properties) {
      lines.push('FIELDS:', ...fieldList(schema, node, !!parsed.flags.recursive));
    }
    io.write(`${lines.join('\n')}\n`);
  },
};
