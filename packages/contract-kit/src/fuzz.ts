import {
  checkResponse,
  compileSchema,
  createAjv,
  type JsonObject,
  listOperations,
  loadSpec,
  type Operation,
  type Parameter,
} from '@scanapis/spec-tools';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { baselineRequest } from './cases.js';
import { fillPath, send } from './http.js';

export interface FuzzOptions {
  specFile: string;
  baseUrl: () => string;
  /** Headers that authenticate (or a function making them, for signed requests). */
  auth: (url: URL) => Record<string, string> | Promise<Record<string, string>>;
  /** Requests per operation (default 2000). */
  runs?: number;
  /** Time bound per operation (default 20 s): fast-check stops early rather than run over. */
  timeLimitMs?: number;
  /** fast-check seed, for a reproducible run (default: fixed, 42). */
  seed?: number;
}

const printable = fc.string({
  unit: fc.constantFrom(...' !#$%&()*+,-./0123456789:;<=>?@ABCXYZabcxyz[]^_`{|}~'.split('')),
  maxLength: 40,
});
const unicode = fc.string({ unit: 'grapheme', maxLength: 30 });
const hostile = fc.constantFrom(
  '',
  ' ',
  '-1',
  '0',
  '1e3',
  '1.5',
  'NaN',
  'null',
  'true',
  '%00',
  '\u0000',
  '9'.repeat(30),
  'a'.repeat(5000),
  '../../etc/passwd',
  '" OR 1=1',
  '<script>',
  '💥',
  'ʕ•ᴥ•ʔ',
);

function firstType(schema: JsonObject): string {
  const t = schema.type;
  return (Array.isArray(t) ? t.find((x) => x !== 'null') : t) as string;
}

/** Values that a parameter's schema accepts (as wire strings). */
function validValue(p: Parameter): fc.Arbitrary<string> {
  const s = p.schema;
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum.map(String));
  switch (firstType(s)) {
    case 'integer':
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : -1_000_000;
      const max =
        typeof s.maximum === 'number' && Number.isSafeInteger(s.maximum) ? s.maximum : 1_000_000_000;
      return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max }).map(String);
    }
    case 'boolean':
      return fc.constantFrom('true', 'false');
    default: {
      const example = p.example ?? s.example;
      if (typeof s.pattern === 'string')
        return example === undefined ? fc.constant('') : fc.constant(String(example));
      const maxLength = typeof s.maxLength === 'number' ? Math.min(s.maxLength, 200) : 50;
      return fc.string({ minLength: typeof s.minLength === 'number' ? s.minLength : 0, maxLength });
    }
  }
}

/** Anything at all for a parameter: valid values, wrong types, huge values, unicode, repeats. */
function anyValue(p: Parameter): fc.Arbitrary<string | string[]> {
  return fc.oneof(
    { weight: 4, arbitrary: validValue(p) },
    { weight: 2, arbitrary: hostile },
    { weight: 1, arbitrary: unicode },
    { weight: 1, arbitrary: printable },
    { weight: 1, arbitrary: fc.tuple(validValue(p), validValue(p)).map(([a, b]) => [a, b]) },
  );
}

interface FuzzRequest {
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
  auth: 'valid' | 'none' | 'garbage';
  garbageAuth: string;
  headers: Record<string, string>;
}

function requestArbitrary(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const base = baselineRequest(operation);
  const query = operation.parameters.filter((p) => p.in === 'query');
  const paths = operation.parameters.filter((p) => p.in === 'path');
  return fc.record({
    pathParams: fc.record(
      Object.fromEntries(
        paths.map((p) => [
          p.name,
          fc.oneof(
            { weight: 5, arbitrary: fc.constant(base.pathParams?.[p.name] ?? 'x') },
            { weight: 1, arbitrary: unicode.filter((v) => v.length > 0) },
            { weight: 1, arbitrary: hostile.filter((v) => v.length > 0) },
          ),
        ]),
      ),
    ),
    query: fc
      .tuple(
        // One request in four sends only valid values, so the handler behind validation is fuzzed too.
        fc.oneof(
          {
            weight: 3,
            arbitrary: fc.record(Object.fromEntries(query.map((p) => [p.name, anyValue(p)])), {
              requiredKeys: [],
            }),
          },
          {
            weight: 1,
            arbitrary: fc.record(Object.fromEntries(query.map((p) => [p.name, validValue(p)])), {
              requiredKeys: [],
            }),
          },
        ),
        fc.dictionary(
          printable.filter((k) => k.length > 0),
          printable,
          { maxKeys: 2 },
        ),
      )
      .map(
        ([known, extra]) =>
          ({ ...extra, ...(base.query ?? {}), ...known }) as Record<string, string | string[]>,
      ),
    auth: fc.constantFrom('valid', 'valid', 'valid', 'none', 'garbage'),
    garbageAuth: printable,
    headers: fc.dictionary(
      fc.constantFrom(
        'accept',
        'x-fuzz',
        'x-request-id',
        'prefer-not',
        'content-type',
        'x-forwarded-for',
        'if-none-match',
      ),
      printable.map((v) => v.trim()),
      { maxKeys: 3 },
    ),
  });
}

/**
 * Fuzzes each operation of a running mock with a few thousand generated requests — in and far out
 * of the spec's parameters, unicode, repeated parameters, odd headers, good and bad credentials —
 * bounded in count and time. Every answer: no 5xx, and a body in the vendor's format that
 * validates against the spec for its status (undeclared statuses: against the 400 schema).
 */
export function fuzzSuite(options: FuzzOptions): void {
  const doc = loadSpec(options.specFile);
  const ajv = createAjv();
  for (const operation of listOperations(doc)) {
    const errorSchema = operation.responses['400']?.content?.['application/json']?.schema;
    describe(`${operation.operationId}: fuzzed requests`, () => {
      it(
        `${options.runs ?? 2000} generated requests: no 5xx, every answer in the vendor's format`,
        async () => {
          let sent = 0;
          const statuses = new Map<number, number>();
          await fc.assert(
            fc.asyncProperty(requestArbitrary(operation), async (r) => {
              const url = new URL(options.baseUrl() + fillPath(operation.path, r.pathParams));
              for (const [name, value] of Object.entries(r.query)) {
                for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, v);
              }
              const auth = await options.auth(url);
              const authHeaders =
                r.auth === 'valid'
                  ? auth
                  : r.auth === 'none'
                    ? {}
                    : Object.fromEntries(Object.keys(auth).map((k) => [k, r.garbageAuth]));
              const res = await send(url, operation.method.toUpperCase(), { ...r.headers, ...authHeaders });
              sent += 1;
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
              if (res.status >= 500)
                throw new Error(`${res.status} for ${url.pathname}${url.search}: ${res.text.slice(0, 200)}`);
              const declared = operation.responses[String(res.status)];
              const problems = declared
                ? checkResponse(ajv, operation, {
                    status: res.status,
                    headers: res.headers,
                    body: res.body,
                    contentType: res.headers.get('content-type'),
                  })
                : errorSchema && !compileSchema(ajv, errorSchema)(res.body)
                  ? [
                      `undeclared ${res.status} is not in the vendor's error format: ${res.text.slice(0, 200)}`,
                    ]
                  : [];
              if (problems.length)
                throw new Error(`${res.status} for ${url.pathname}${url.search}: ${problems.join('; ')}`);
            }),
            {
              numRuns: options.runs ?? 2000,
              interruptAfterTimeLimit: options.timeLimitMs ?? 20_000,
              seed: options.seed ?? 42,
              endOnFailure: true,
            },
          );
          console.log(
            `${operation.operationId}: ${sent} fuzzed requests, statuses ${[...statuses]
              .sort()
              .map(([s, n]) => `${s}×${n}`)
              .join(' ')}`,
          );
        },
        (options.timeLimitMs ?? 20_000) + 15_000,
      );
    });
  }
}
