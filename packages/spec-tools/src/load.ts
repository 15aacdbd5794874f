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

/**
 * The exact digits of the integers a JSON number cannot hold (beyond ±2^53), kept beside the
 * rounded number on the object that holds them: `schema[EXACT_INTEGERS]?.maximum` is
 * `'9223372036854775807'` where `schema.maximum` is `9223372036854775808`. A symbol key, so
 * ajv, `JSON.stringify` and `Object.entries` never see it; `dereference` keeps it.
 */
export const EXACT_INTEGERS: unique symbol = Symbol.for('scanapis.exactIntegers');

/** An object that may carry exact integers by key. */
export type WithExactIntegers = { [EXACT_INTEGERS]?: Record<string, string> };

const MARK = '\u0000exact-integer:';

/**
 * `JSON.parse`, keeping the exact digits of every integer beyond ±2^53 in `EXACT_INTEGERS` on
 * its holder (the number itself is still the nearest double).
 */
export function parseJsonExact(text: string): unknown {
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      continue;
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      let j = i + 1;
      while (j < text.length && /[0-9.eE+-]/.test(text[j] as string)) j++;
      const token = text.slice(i, j);
      if (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token))) {
        out += `${text.slice(last, i)}"\\u0000exact-integer:${token}"`;
        last = j;
      }
      i = j - 1;
    }
  }
  if (last === 0) return JSON.parse(text);
  return JSON.parse(out + text.slice(last), function (this: WithExactIntegers, key, value) {
    if (typeof value !== 'string' || !value.startsWith(MARK)) return value;
    const digits = value.slice(MARK.length);
    this[EXACT_INTEGERS] = { ...this[EXACT_INTEGERS], [key]: digits };
    return Number(digits);
  });
}

/** The exact value of an integer keyword (`maximum`…) of a schema, as a BigInt; undefined when absent. */
export function exactInteger(schema: JsonObject, key: string): bigint | undefined {
  const exact = (schema as WithExactIntegers)[EXACT_INTEGERS]?.[key];
  if (exact !== undefined) return BigInt(exact);
  const value = schema[key];
  return typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : undefined;
}

/** Reads a bundled spec (`specs/<api>/dist/openapi.json`); integers beyond ±2^53 stay exact (`EXACT_INTEGERS`). */
export function loadSpec(file: string): OpenApiDocument {
  const doc = parseJsonExact(readFileSync(file, 'utf8')) as OpenApiDocument;
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
  const out: JsonObject & WithExactIntegers = {};
  for (const [key, value] of Object.entries(obj)) out[key] = dereference(doc, value, seen);
  const exact = (obj as WithExactIntegers)[EXACT_INTEGERS];
  if (exact) out[EXACT_INTEGERS] = exact;
  return out as T;
}
