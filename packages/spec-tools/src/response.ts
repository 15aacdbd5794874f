import type { Ajv2020 } from 'ajv/dist/2020.js';
import { compileSchema, describeError } from './ajv.js';
import type { JsonObject } from './load.js';
import { compileMemoized, passedBefore, rememberPassed } from './memo.js';
import type { Operation, Response } from './operations.js';
import { coerce, forAjv } from './request.js';

export interface ResponseParts {
  status: number;
  headers: Record<string, string | string[] | undefined> | Headers;
  /** Parsed JSON body (or undefined when there is none). */
  body: unknown;
  contentType?: string | null;
}

export interface CheckOptions {
  /**
   * Check each deep-frozen item of an array once, and a deep-frozen body once (default true): an
   * item or body that passed before is not checked again — it cannot have changed. Says yes exactly when the full check does (see
   * `compileMemoized`); `false` checks every item of every answer.
   */
  memo?: boolean;
}

/** One declared response header, as `checkResponse` checks it. */
interface HeaderCheck {
  name: string;
  lower: string;
  required: boolean;
  schema: JsonObject | undefined;
  /** The last value that passed: the check is a pure function of the value, so it passes again. */
  passed: string | undefined;
}

/** Each declared response's header checks, listed once (by the response object of the spec). */
const headerChecks = new WeakMap<object, HeaderCheck[]>();
function headerChecksOf(declared: Response): HeaderCheck[] {
  let checks = headerChecks.get(declared);
  if (!checks) {
    checks = Object.entries(declared.headers ?? {}).map(([name, header]) => ({
      name,
      lower: name.toLowerCase(),
      required: header.required === true,
      schema: header.schema,
      passed: undefined,
    }));
    headerChecks.set(declared, checks);
  }
  return checks;
}

/** Read once: `globalThis.Headers` is a getter in Node, not worth calling per header. */
const HeadersClass: typeof Headers | undefined = globalThis.Headers;

/** Problems with one response against the spec; empty when it conforms. */
export function checkResponse(
  ajv: Ajv2020,
  operation: Operation,
  res: ResponseParts,
  options: CheckOptions = {},
): string[] {
  const declared =
    operation.responses[String(res.status)] ??
    operation.responses[`${String(res.status)[0]}XX`] ??
    operation.responses.default;
  if (!declared) return [`status ${res.status} is not declared for ${operation.operationId}`];
  const problems: string[] = [];
  const { headers } = res;
  const get =
    HeadersClass !== undefined && headers instanceof HeadersClass
      ? (lower: string): string | undefined => headers.get(lower) ?? undefined
      : (lower: string): string | undefined => {
          const v = (headers as Record<string, string | string[] | undefined>)[lower];
          return Array.isArray(v) ? v.join(', ') : v;
        };
  for (const check of headerChecksOf(declared)) {
    const raw = get(check.lower);
    if (raw === undefined) {
      if (check.required) problems.push(`header ${check.name} is required`);
      continue;
    }
    if (!check.schema || (options.memo !== false && raw === check.passed)) continue;
    const coerced = coerce(raw, check.schema);
    if ('error' in coerced) {
      problems.push(`header ${check.name} ${coerced.error} (got ${JSON.stringify(raw)})`);
      continue;
    }
    const validate = compileSchema(ajv, check.schema);
    if (validate(forAjv(coerced.value))) check.passed = raw;
    else problems.push(`header ${check.name} ${describeError(validate.errors![0]!)}`);
  }
  const content = declared.content;
  if (!content) return problems;
  const mediaType = (res.contentType ?? get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  const media = content[mediaType];
  if (!media) {
    problems.push(`content type ${JSON.stringify(mediaType)} is not declared for ${res.status}`);
    return problems;
  }
  if (media.schema) {
    if (options.memo !== false) {
      if (passedBefore(media.schema, res.body)) return problems;
      if (compileMemoized(ajv, media.schema)(res.body)) {
        rememberPassed(media.schema, res.body);
        return problems;
      }
    }
    const validate = compileSchema(ajv, media.schema);
    if (!validate(res.body)) {
      for (const e of validate.errors ?? []) problems.push(`body${e.instancePath} ${describeError(e)}`);
    }
  }
  return problems;
}
