// What the try-it console knows about each operation, read from the bundled spec (parameters with
// their types, enums, bounds, defaults and required flags; the oneof groups; the paging style) and
// from the mock package (its test credential and sample IDs). The build inlines it as JSON.
import { operations } from './spec.mjs';

/**
 * @typedef {{
 *   name: string, in: string, required: boolean, type: string, enum?: unknown[],
 *   minimum?: number, maximum?: number, minLength?: number, maxLength?: number,
 *   pattern?: string, default?: unknown, example?: unknown, value: string, hint: string,
 * }} TryParameter
 * @typedef {{
 *   operationId: string, summary: string, method: string, path: string, reference: string,
 *   parameters: TryParameter[], oneOf: string[][], pagination: Record<string, string> | null,
 * }} TryOperation
 * @typedef {{
 *   api: string, title: string, vendor: string, mockPort: number,
 *   auth: { header: string, prefix: string, value: string },
 *   client: { package: string, variable: string, factory: string, options: string, filledByClient: string[] },
 *   operations: TryOperation[],
 * }} TryApi
 */

/** The largest integer a browser reads exactly; bigger bounds (int64) are shown but not checked. */
const SAFE = Number.MAX_SAFE_INTEGER;

/** One line about a parameter's type and bounds: `integer · 1 to 1000 · default 100`. */
function hint(/** @type {Record<string, any>} */ schema) {
  const parts = [schema.format ? `${schema.type} (${schema.format})` : String(schema.type ?? 'string')];
  const { minimum, maximum, minLength, maxLength } = schema;
  if (minimum !== undefined && maximum !== undefined && maximum <= SAFE)
    parts.push(`${minimum} to ${maximum}`);
  else if (minimum !== undefined) parts.push(`at least ${minimum}`);
  else if (maximum !== undefined) parts.push(`at most ${maximum}`);
  if (minLength !== undefined && maxLength !== undefined)
    parts.push(`${minLength} to ${maxLength} characters`);
  else if (maxLength !== undefined) parts.push(`up to ${maxLength} characters`);
  if (schema.pattern) parts.push('pattern in the reference');
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(' · ');
}

/**
 * @param {{ meta: import('./apis.mjs').ApiMeta, spec: Record<string, any>, mock: Record<string, any>, mockPort: number }} input
 * @returns {TryApi}
 */
export function tryModel({ meta, spec, mock, mockPort }) {
  const credential = meta.tryIt.credential(mock);
  if (typeof credential !== 'string' || credential === '') {
    throw new Error(`${meta.mockPackage}: no test credential for the try-it console`);
  }
  const values = meta.tryIt.values(mock);
  return {
    api: meta.api,
    title: spec.info.title,
    vendor: meta.vendor,
    mockPort,
    auth: { header: meta.tryIt.header, prefix: meta.tryIt.prefix, value: credential },
    client: {
      package: meta.clientPackage,
      variable: meta.tryIt.clientVariable,
      factory: meta.tryIt.clientFactory,
      options: meta.tryIt.clientOptions,
      filledByClient: meta.tryIt.filledByClient,
    },
    operations: operations(spec).map((op) => {
      const inOneOf = new Set(op.oneOf.flat());
      return {
        operationId: op.operationId,
        summary: op.summary,
        method: op.method,
        path: op.path,
        reference: `${meta.api}.html${op.anchor}`,
        oneOf: op.oneOf,
        pagination: op.pagination ?? null,
        parameters: op.parameters.map((p) => {
          const s = p.schema;
          // Prefilled: required parameters and the oneof members (the mock's sample values where
          // the spec's example is not in its data), so the first Send answers 200.
          const prefill = p.required || inOneOf.has(p.name) ? (values[p.name] ?? p.example ?? '') : '';
          return {
            name: p.name,
            in: p.in,
            required: p.required,
            type: String(s.type ?? 'string'),
            ...(s.enum && { enum: s.enum }),
            ...(s.minimum !== undefined && { minimum: s.minimum }),
            ...(s.maximum !== undefined && s.maximum <= SAFE && { maximum: s.maximum }),
            ...(s.minLength !== undefined && { minLength: s.minLength }),
            ...(s.maxLength !== undefined && { maxLength: s.maxLength }),
            ...(s.pattern && { pattern: s.pattern }),
            ...(s.default !== undefined && { default: s.default }),
            ...(p.example !== undefined && { example: p.example }),
            value: prefill === '' ? '' : String(prefill),
            hint: hint(s),
          };
        }),
      };
    }),
  };
}
