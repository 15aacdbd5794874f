import type { Ajv2020 } from 'ajv/dist/2020.js';
import { compileSchema, describeError } from './ajv.js';
import { compileMemoized, passedBefore, rememberPassed } from './memo.js';
import type { Operation } from './operations.js';
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
  const get = (name: string): string | undefined => {
    if (res.headers instanceof Headers) return res.headers.get(name) ?? undefined;
    const v = res.headers[name.toLowerCase()];
    return Array.isArray(v) ? v.join(', ') : v;
  };
  for (const [name, header] of Object.entries(declared.headers ?? {})) {
    const raw = get(name);
    if (raw === undefined) {
      if (header.required) problems.push(`header ${name} is required`);
      continue;
    }
    if (!header.schema) continue;
    const coerced = coerce(raw, header.schema);
    if ('error' in coerced) {
      problems.push(`header ${name} ${coerced.error} (got ${JSON.stringify(raw)})`);
      continue;
    }
    const validate = compileSchema(ajv, header.schema);
    if (!validate(forAjv(coerced.value)))
      problems.push(`header ${name} ${describeError(validate.errors![0]!)}`);
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
