import type { Ajv2020 } from 'ajv/dist/2020.js';
import { compileSchema, describeError } from './ajv.js';
import type { JsonObject } from './load.js';
import type { Operation, Parameter } from './operations.js';

/** One way a request breaks its operation's contract. */
export interface Violation {
  /** Where: a parameter location, or `rule` for a spec extension rule (`x-scanapis-oneof`, `x-scanapis-ranges`). */
  in: Parameter['in'] | 'rule';
  /** The parameter name (for rules, the names joined by `, `). */
  name: string;
  /** ajv keyword or rule name: `maximum`, `type`, `required`, `single`, `oneof`, `range`… */
  keyword: string;
  /** Human words, without the name: `must be <= 1000`. */
  message: string;
  /** The limit the keyword carries (`1000` for maximum), when it has one. */
  limit?: unknown;
}

export interface RequestParts {
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  pathParams: Record<string, string>;
}

/** The typed value of every parameter that was sent and valid, by name. */
export type ParsedParams = Record<string, unknown>;

function schemaType(schema: JsonObject): string | undefined {
  const t = schema.type;
  if (Array.isArray(t)) return t.find((x) => x !== 'null') as string | undefined;
  return t as string | undefined;
}

/** Turns a wire string into the schema's type, or says why it cannot. */
export function coerce(raw: string, schema: JsonObject): { value: unknown } | { error: string } {
  switch (schemaType(schema)) {
    case 'integer':
      return /^-?\d+$/.test(raw) ? { value: Number(raw) } : { error: 'must be an integer' };
    case 'number': {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? { value: n } : { error: 'must be a number' };
    }
    case 'boolean':
      return raw === 'true' || raw === 'false'
        ? { value: raw === 'true' }
        : { error: 'must be true or false' };
    default:
      return { value: raw };
  }
}

function rawValues(param: Parameter, parts: RequestParts): string[] {
  if (param.in === 'query') return parts.query.getAll(param.name);
  if (param.in === 'path')
    return param.name in parts.pathParams ? [parts.pathParams[param.name] as string] : [];
  if (param.in === 'header') {
    const v = parts.headers[param.name.toLowerCase()];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  }
  return [];
}

/** Compiles the request checks of one operation; the returned function never throws on input. */
export function createRequestValidator(ajv: Ajv2020, operation: Operation) {
  const checks = operation.parameters.map((param) => ({ param, validate: compileSchema(ajv, param.schema) }));
  const oneOf = (operation.raw['x-scanapis-oneof'] ?? []) as string[][];
  const ranges = (operation.raw['x-scanapis-ranges'] ?? []) as Array<[string, string]>;

  return function validateRequest(parts: RequestParts): { violations: Violation[]; params: ParsedParams } {
    const violations: Violation[] = [];
    const params: ParsedParams = {};
    for (const { param, validate } of checks) {
      const values = rawValues(param, parts);
      const base = { in: param.in, name: param.name };
      if (values.length === 0) {
        if (param.required) violations.push({ ...base, keyword: 'required', message: 'is required' });
        continue;
      }
      const isArray = schemaType(param.schema) === 'array';
      if (!isArray && values.length > 1) {
        violations.push({ ...base, keyword: 'single', message: 'must be sent once' });
        continue;
      }
      let value: unknown;
      if (isArray) {
        const itemSchema = (param.schema.items ?? {}) as JsonObject;
        const items = param.explode === false ? values.flatMap((v) => v.split(',')) : values;
        const coerced = items.map((v) => coerce(v, itemSchema));
        const bad = coerced.find((c) => 'error' in c);
        if (bad && 'error' in bad) {
          violations.push({ ...base, keyword: 'type', message: `items ${bad.error}` });
          continue;
        }
        value = coerced.map((c) => (c as { value: unknown }).value);
      } else {
        const coerced = coerce(values[0] as string, param.schema);
        if ('error' in coerced) {
          violations.push({ ...base, keyword: 'type', message: coerced.error });
          continue;
        }
        value = coerced.value;
      }
      if (!validate(value)) {
        const first = validate.errors?.[0];
        if (first) {
          violations.push({
            ...base,
            keyword: first.keyword,
            message: describeError(first),
            limit: (first.params as { limit?: unknown }).limit,
          });
        }
        continue;
      }
      params[param.name] = value;
    }
    for (const group of oneOf) {
      const sent = group.filter((name) => parts.query.has(name));
      if (sent.length !== 1) {
        violations.push({
          in: 'rule',
          name: group.join(', '),
          keyword: 'oneof',
          message: `exactly one of ${group.join(' or ')} must be set${sent.length > 1 ? `, got ${sent.join(' and ')}` : ''}`,
        });
      }
    }
    for (const [start, end] of ranges) {
      const a = params[start];
      const b = params[end];
      if (typeof a === 'number' && typeof b === 'number' && a > b) {
        violations.push({
          in: 'rule',
          name: `${start}, ${end}`,
          keyword: 'range',
          message: `${start} must be <= ${end}`,
        });
      }
    }
    return { violations, params };
  };
}
