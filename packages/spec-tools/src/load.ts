import { readFileSync } from 'node:fs';

export type JsonObject = { [key: string]: unknown };

/** The parts of an OpenAPI 3.1 document the kits read. */
export interface OpenApiDocument extends JsonObject {
  openapi: string;
  info: JsonObject & { title: string; version: string };
  servers?: Array<{ url: string; description?: string; variables?: Record<string, { default: string }> }>;
  paths: Record<string, JsonObject>;
  components?: JsonObject;
  security?: Array<Record<string, string[]>>;
}

/** Reads a bundled spec (`specs/<api>/dist/openapi.json`). */
export function loadSpec(file: string): OpenApiDocument {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.1')) {
    throw new Error(`${file} is not an OpenAPI 3.1 document`);
  }
  return doc;
}

/** Follows one local JSON pointer (`#/components/schemas/X`). */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) throw new Error(`Only local $refs are supported, got ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node))
      throw new Error(`Unresolvable $ref ${ref}`);
    node = (node as JsonObject)[key];
  }
  return node;
}

/**
 * Returns a copy of `node` with every local `$ref` replaced by its target, recursively.
 * Sibling keywords of a `$ref` (3.1 allows `description` beside it) override the target's.
 */
export function dereference<T>(doc: unknown, node: T, seen: string[] = []): T {
  if (Array.isArray(node)) return node.map((item) => dereference(doc, item, seen)) as T;
  if (node === null || typeof node !== 'object') return node;
  const obj = node as JsonObject;
  if (typeof obj.$ref === 'string') {
    const ref = obj.$ref;
    if (seen.includes(ref)) throw new Error(`Circular $ref ${ref} is not supported`);
    const { $ref: _ignored, ...siblings } = obj;
    const target = dereference(doc, resolvePointer(doc, ref), [...seen, ref]);
    return { ...(target as JsonObject), ...dereference(doc, siblings, seen) } as T;
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(obj)) out[key] = dereference(doc, value, seen);
  return out as T;
}
