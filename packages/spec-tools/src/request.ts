import type { Ajv2020 } from 'ajv/dist/2020.js';
import { compileSchema, describeError } from './ajv.js';
import { exactInteger, type JsonObject } from './load.js';
import type { Operation, Parameter } from './operations.js';

/** One way a request breaks its operation's contract. */
export interface Violation {
  /** Where: a parameter location, or `rule` for a spec extension rule (`x-scanapis-oneof`, `x-scanapis-ranges`). */
  in: Parameter['in'] | 'rule';
  /** The parameter name (for rules, the names joined by `, `). */
  name: string;
  /** ajv keyword or rule name: `maximum`, `type`, `required`, `single`, `oneof`, `range`… */
  keyword: string;
  /** Human words, without the name: `must be <= 1000`; `unknown` (strict mode): what it takes. */
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

/**
 * The integers a parameter can hold when its schema sets no bound: OpenAPI's `int32` and `int64`
 * formats, and for an integer without a format the ones a JavaScript (JSON) number holds exactly
 * — beyond ±(2^53 - 1) a value would silently round, so it is refused instead.
 */
const WIDTH: Record<string, { min: bigint; max: bigint }> = {
  int32: { min: -(2n ** 31n), max: 2n ** 31n - 1n },
  int64: { min: -(2n ** 63n), max: 2n ** 63n - 1n },
  none: { min: -(2n ** 53n - 1n), max: 2n ** 53n - 1n },
};

/** An integer parameter's bounds as exact integers (from the spec's digits), read once per parameter. */
interface IntegerBounds {
  max: bigint;
  min: bigint;
  exclusiveMax: bigint | undefined;
  exclusiveMin: bigint | undefined;
}

/** Without a bound in the schema, the format's width bounds it. */
function integerBounds(schema: JsonObject): IntegerBounds {
  const width = WIDTH[typeof schema.format === 'string' && schema.format in WIDTH ? schema.format : 'none']!;
  return {
    max: exactInteger(schema, 'maximum') ?? width.max,
    min: exactInteger(schema, 'minimum') ?? width.min,
    exclusiveMax: exactInteger(schema, 'exclusiveMaximum'),
    exclusiveMin: exactInteger(schema, 'exclusiveMinimum'),
  };
}

/**
 * Checks an integer's bounds exactly: the value is a safe number or a BigInt (`coerce`), the
 * bounds BigInts, and JavaScript compares a number with a BigInt exactly — no double rounding, so
 * 9223372036854775808 is above 9223372036854775807.
 */
function checkIntegerBounds(
  value: number | bigint,
  bounds: IntegerBounds,
): { keyword: string; limit: string; message: string } | undefined {
  const { max, min, exclusiveMax, exclusiveMin } = bounds;
  if (value > max) return { keyword: 'maximum', limit: String(max), message: `must be <= ${max}` };
  if (value < min) return { keyword: 'minimum', limit: String(min), message: `must be >= ${min}` };
  if (exclusiveMax !== undefined && value >= exclusiveMax)
    return { keyword: 'exclusiveMaximum', limit: String(exclusiveMax), message: `must be < ${exclusiveMax}` };
  if (exclusiveMin !== undefined && value <= exclusiveMin)
    return { keyword: 'exclusiveMinimum', limit: String(exclusiveMin), message: `must be > ${exclusiveMin}` };
  return undefined;
}

/** A coerced value as ajv checks it: an exact BigInt as its nearest number (its bounds are checked exactly before). */
export function forAjv(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return Array.isArray(value) ? value.map(forAjv) : value;
}

/** Turns a wire string into the schema's type, or says why it cannot. */
export function coerce(raw: string, schema: JsonObject): { value: unknown } | { error: string } {
  switch (schemaType(schema)) {
    case 'integer': {
      if (!/^-?\d+$/.test(raw)) return { error: 'must be an integer' };
      const n = Number(raw);
      // Beyond ±2^53 a number rounds: the exact value, as a BigInt (it compares with numbers).
      return { value: Number.isSafeInteger(n) ? n : BigInt(raw) };
    }
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

export interface RequestValidatorOptions {
  /**
   * A query parameter the operation does not take is a violation (`keyword: 'unknown'`, first in
   * the list) instead of a warning.
   */
  strict?: boolean;
}

export interface RequestCheck {
  violations: Violation[];
  params: ParsedParams;
  /** What a lenient server lets through but a test may want to know: one line per unknown query parameter. */
  warnings: string[];
}

/**
 * Compiles the request checks of one operation; the returned function never throws on input.
 * Integers are compared exactly (BigInt beyond ±2^53, bounds from the spec's exact digits); a
 * value beyond ±2^53 that passes is handed over as a BigInt.
 */
export function createRequestValidator(
  ajv: Ajv2020,
  operation: Operation,
  options: RequestValidatorOptions = {},
) {
  // What each parameter's check needs from its schema, read once.
  const checks = operation.parameters.map((param) => {
    const type = schemaType(param.schema);
    return {
      param,
      validate: compileSchema(ajv, param.schema),
      isArray: type === 'array',
      bounds: type === 'integer' ? integerBounds(param.schema) : undefined,
    };
  });
  const oneOf = (operation.raw['x-scanapis-oneof'] ?? []) as string[][];
  const ranges = (operation.raw['x-scanapis-ranges'] ?? []) as Array<[string, string]>;
  const queryNames = new Set(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  const takes = queryNames.size
    ? `${operation.operationId} takes ${[...queryNames].join(', ')}`
    : `${operation.operationId} takes no query parameters`;

  return function validateRequest(parts: RequestParts): RequestCheck {
    const violations: Violation[] = [];
    const params: ParsedParams = {};
    const warnings: string[] = [];
    let unknown: Set<string> | undefined;
    for (const name of parts.query.keys()) {
      if (queryNames.has(name) || unknown?.has(name)) continue;
      unknown ??= new Set();
      unknown.add(name);
      if (options.strict) {
        violations.push({ in: 'query', name, keyword: 'unknown', message: `is not a parameter: ${takes}` });
      } else {
        warnings.push(`unknown query parameter ${JSON.stringify(name.slice(0, 100))} ignored (${takes})`);
      }
    }
    for (const { param, validate, isArray, bounds } of checks) {
      const values = rawValues(param, parts);
      const base = { in: param.in, name: param.name };
      if (values.length === 0) {
        if (param.required) violations.push({ ...base, keyword: 'required', message: 'is required' });
        continue;
      }
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
        if (bounds) {
          const bound = checkIntegerBounds(value as number | bigint, bounds);
          if (bound) {
            violations.push({ ...base, ...bound });
            continue;
          }
        }
      }
      if (!validate(forAjv(value))) {
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
      const comparable = (v: unknown) => typeof v === 'number' || typeof v === 'bigint';
      if (comparable(a) && comparable(b) && (a as number) > (b as number)) {
        violations.push({
          in: 'rule',
          name: `${start}, ${end}`,
          keyword: 'range',
          message: `${start} must be <= ${end}`,
        });
      }
    }
    return { violations, params, warnings };
  };
}
