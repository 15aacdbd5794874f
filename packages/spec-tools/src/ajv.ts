import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonObject } from './load.js';

// ajv-formats is CommonJS: its default export arrives wrapped under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/** OpenAPI 3.1 keywords that are not JSON Schema validation keywords. */
const ANNOTATIONS = ['example', 'discriminator', 'xml', 'externalDocs'];

/** A strict ajv for OpenAPI 3.1 schemas (JSON Schema 2020-12) with formats. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, strictTypes: false, validateFormats: true });
  addFormats(ajv);
  ajv.addVocabulary(ANNOTATIONS);
  return ajv;
}

function collectExtensions(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectExtensions(item, into);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) into.add(key);
      collectExtensions(value, into);
    }
  }
}

const cache = new WeakMap<object, ValidateFunction>();

/** Compiles (once per schema object) a validator; `x-` extension keys are allowed as annotations. */
export function compileSchema(ajv: Ajv2020, schema: JsonObject): ValidateFunction {
  const hit = cache.get(schema);
  if (hit) return hit;
  const extensions = new Set<string>();
  collectExtensions(schema, extensions);
  for (const keyword of extensions) if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
  const validate = ajv.compile(schema);
  cache.set(schema, validate);
  return validate;
}

/** One schema violation in words a person reads: `must be <= 1000`. */
export function describeError(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'maximum':
      return `must be <= ${p.limit}`;
    case 'minimum':
      return `must be >= ${p.limit}`;
    case 'exclusiveMaximum':
      return `must be < ${p.limit}`;
    case 'exclusiveMinimum':
      return `must be > ${p.limit}`;
    case 'maxLength':
      return `must be at most ${p.limit} characters`;
    case 'minLength':
      return `must be at least ${p.limit} characters`;
    case 'pattern':
      return `must match ${p.pattern}`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `must be ${String(p.type).replace(',', ' or ')}`;
    case 'format':
      return `must be a valid ${p.format}`;
    default:
      return error.message ?? 'is invalid';
  }
}
