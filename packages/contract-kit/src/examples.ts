import type { JsonObject, OpenApiDocument } from '@scanapis/spec-tools';
import { dereference } from '@scanapis/spec-tools';

export interface SpecExample {
  /** Where it stands in the spec: `paths./api/v1/scans.get.responses.401.examples.badKey`. */
  where: string;
  schema: JsonObject;
  value: unknown;
}

/**
 * Every example in a spec with the schema it must satisfy: media-type `example`/`examples`,
 * parameter and header examples, and `example`/`examples` inside schemas.
 */
export function collectExamples(doc: OpenApiDocument): SpecExample[] {
  const out: SpecExample[] = [];
  const resolved = dereference(doc, doc) as JsonObject;
  const visit = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) visit(item, `${where}.${i}`);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const obj = node as JsonObject;
    const schema = obj.schema as JsonObject | undefined;
    if (schema && typeof schema === 'object') {
      if ('example' in obj) out.push({ where: `${where}.example`, schema, value: obj.example });
      for (const [key, ex] of Object.entries((obj.examples ?? {}) as Record<string, { value?: unknown }>)) {
        if (ex && typeof ex === 'object' && 'value' in ex)
          out.push({ where: `${where}.examples.${key}`, schema, value: ex.value });
      }
    }
    const isSchema = typeof obj.type === 'string' || Array.isArray(obj.type) || 'properties' in obj;
    if (isSchema) {
      if ('example' in obj) out.push({ where: `${where}.example`, schema: obj, value: obj.example });
      if (Array.isArray(obj.examples)) {
        for (const [i, value] of obj.examples.entries())
          out.push({ where: `${where}.examples.${i}`, schema: obj, value });
      }
    }
    for (const [key, value] of Object.entries(obj)) {
      if (key === 'example' || (key === 'examples' && (schema || isSchema))) continue;
      visit(value, `${where}.${key}`);
    }
  };
  visit(resolved.paths, 'paths');
  visit(resolved.components, 'components');
  return out;
}
