// The code samples of every operation: `snippets/samples/<api>/<operationId>.<kind>` files, each
// type-checked (TypeScript) and run against the mocks by test/samples.test.ts, shown verbatim as
// the operation's `x-codeSamples` in the reference pages. One source: the build reads these files
// and nothing else, and fails when an operation has no curl or no TypeScript sample.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {{ kind: string, file: string, lang: string, label: string, run: 'bash' | 'import' }} SampleKind
 * @typedef {{ kind: string, file: string, path: string, lang: string, label: string, run: 'bash' | 'import', source: string }} Sample
 */

/** The sample kinds, in the order the reference page shows them. */
/** @type {SampleKind[]} */
export const SAMPLE_KINDS = [
  { kind: 'curl', file: 'curl.sh', lang: 'Shell', label: 'curl', run: 'bash' },
  { kind: 'typescript', file: 'ts', lang: 'TypeScript', label: 'TypeScript', run: 'import' },
  { kind: 'aksk', file: 'aksk.ts', lang: 'TypeScript', label: 'AK/SK signing', run: 'import' },
];

/** Every operation has these; the others are optional (AK/SK only where the API signs requests). */
export const REQUIRED_KINDS = ['curl', 'typescript'];

export const SAMPLES_DIR = fileURLToPath(new URL('../snippets/samples/', import.meta.url));

/**
 * The samples of one operation, in display order.
 * @param {string} api @param {string} operationId @returns {Sample[]}
 */
export function samplesOf(api, operationId) {
  /** @type {Sample[]} */
  const found = [];
  for (const kind of SAMPLE_KINDS) {
    const path = `${SAMPLES_DIR}${api}/${operationId}.${kind.file}`;
    let source;
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      if (REQUIRED_KINDS.includes(kind.kind)) {
        throw new Error(
          `${api} ${operationId}: no ${kind.label} sample (apps/docs/snippets/samples/${api}/${operationId}.${kind.file})`,
        );
      }
      continue;
    }
    found.push({ ...kind, path, source });
  }
  return found;
}

/**
 * Redoc's `x-codeSamples` for one operation.
 * @param {string} api @param {string} operationId
 * @returns {{ lang: string, label: string, source: string }[]}
 */
export function codeSamples(api, operationId) {
  return samplesOf(api, operationId).map((s) => ({ lang: s.lang, label: s.label, source: s.source }));
}
