// Reading the bundled specs: which APIs the docs cover, and each API's operations, parameters,
// response codes, servers and auth — the facts the index page and the browser tests share.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {Record<string, any>} OpenApi
 * @typedef {{
 *   name: string,
 *   in: string,
 *   required: boolean,
 *   schema: Record<string, any>,
 *   example: unknown,
 * }} Parameter
 * @typedef {{
 *   method: string,
 *   path: string,
 *   operationId: string,
 *   summary: string,
 *   tags: string[],
 *   parameters: Parameter[],
 *   responses: string[],
 *   pagination: Record<string, string> | undefined,
 *   oneOf: string[][],
 *   anchor: string,
 * }} Operation
 * @typedef {{ url: string, description: string, variables: Record<string, string> }} Server
 */

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SPEC_PACKAGE = /^@scanapis\/spec-(.+)$/;

/** The docs package's own package.json. */
export const docsPackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Whether a package exports a bundled spec (`@scanapis/spec-tools` is a library, not a spec). */
function exportsSpec(/** @type {string} */ name) {
  try {
    import.meta.resolve(`${name}/openapi.json`);
    return true;
  } catch {
    return false;
  }
}

/**
 * The APIs the site documents: one per `@scanapis/spec-<api>` dependency of the docs package
 * that exports `openapi.json` (turbo's `^bundle` makes sure their `dist/` exists before the
 * build), sorted by name.
 * @returns {string[]}
 */
export function specApis() {
  return Object.keys({ ...docsPackage.dependencies, ...docsPackage.devDependencies })
    .filter((name) => SPEC_PACKAGE.test(name) && exportsSpec(name))
    .map((name) => /** @type {string} */ (SPEC_PACKAGE.exec(name)?.[1]))
    .sort();
}

/** @param {string} api @returns {string} the absolute path of the bundled `openapi.json` */
export function specFile(api) {
  return fileURLToPath(import.meta.resolve(`@scanapis/spec-${api}/openapi.json`));
}

/** @param {string} api @returns {string} the absolute path of the bundled `openapi.yaml` */
export function specYamlFile(api) {
  return fileURLToPath(import.meta.resolve(`@scanapis/spec-${api}/openapi.yaml`));
}

/** @param {string} api @returns {OpenApi} */
export function loadSpec(api) {
  return JSON.parse(readFileSync(specFile(api), 'utf8'));
}

/**
 * The value at a JSON pointer (RFC 6901), or `undefined`.
 * @param {unknown} doc @param {string} pointer @returns {unknown}
 */
export function at(doc, pointer) {
  if (pointer === '') return doc;
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  /** @type {any} */
  let node = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * Follows local `$ref`s (`#/components/...`) until a non-reference object.
 * @param {OpenApi} spec @param {any} node @returns {any}
 */
export function deref(spec, node) {
  const seen = new Set();
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    if (!node.$ref.startsWith('#') || seen.has(node.$ref)) throw new Error(`cannot resolve ${node.$ref}`);
    seen.add(node.$ref);
    const target = at(spec, node.$ref.slice(1));
    if (target === undefined) throw new Error(`dangling $ref ${node.$ref}`);
    node = target;
  }
  return node;
}

/**
 * The hash Redoc routes an operation to: `#/<tag slug>/<operationId, lower case>` (for example
 * `#/scans/getapiv1scans`); the browser tests follow every such link and find the operation.
 * @param {string | undefined} tag @param {string} operationId @returns {string}
 */
export function redocAnchor(tag, operationId) {
  const slug = (/** @type {string} */ text) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '-')
      .replace(/^-|-$/g, '');
  return `#/${tag ? `${slug(tag)}/` : ''}${slug(operationId)}`;
}

/**
 * Every operation, in spec order, with its path-level and own parameters merged (the operation's
 * win on the same name and location).
 * @param {OpenApi} spec @returns {Operation[]}
 */
export function operations(spec) {
  /** @type {Operation[]} */
  const result = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = deref(spec, rawItem);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      /** @type {Map<string, Parameter>} */
      const params = new Map();
      for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const p = deref(spec, raw);
        params.set(`${p.in}:${p.name}`, {
          name: p.name,
          in: p.in,
          required: p.required === true,
          schema: deref(spec, p.schema ?? {}),
          example: p.example,
        });
      }
      result.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId ?? `${method} ${path}`,
        summary: op.summary ?? `${method.toUpperCase()} ${path}`,
        tags: op.tags ?? [],
        parameters: [...params.values()],
        responses: Object.keys(op.responses ?? {}),
        pagination: op['x-scanapis-pagination'],
        oneOf: op['x-scanapis-oneof'] ?? [],
        anchor: redocAnchor(op.tags?.[0], op.operationId ?? `${method} ${path}`),
      });
    }
  }
  return result;
}

/** @param {OpenApi} spec @returns {Server[]} */
export function servers(spec) {
  return (spec.servers ?? []).map((/** @type {any} */ s) => ({
    url: s.url,
    description: (s.description ?? '').replace(/\s+/g, ' ').trim(),
    variables: Object.fromEntries(
      Object.entries(s.variables ?? {}).map(([name, v]) => [name, String(/** @type {any} */ (v).default)]),
    ),
  }));
}

/** One security scheme in a few words. @param {string} name @param {any} scheme @returns {string} */
function describeScheme(name, scheme) {
  switch (scheme.type) {
    case 'apiKey':
      return `\`${scheme.name}\` ${scheme.in} (${name})`;
    case 'http':
      return scheme.scheme?.toLowerCase() === 'bearer'
        ? `\`Authorization: Bearer <token>\` (${name})`
        : `HTTP ${scheme.scheme} auth (${name})`;
    case 'oauth2':
      return `OAuth 2 (${name})`;
    case 'openIdConnect':
      return `OpenID Connect (${name})`;
    case 'mutualTLS':
      return `mutual TLS (${name})`;
    default:
      return name;
  }
}

/**
 * The spec's global security in one line: alternatives joined by "or", schemes required
 * together by "and".
 * @param {OpenApi} spec @returns {string}
 */
export function authLine(spec) {
  const schemes = spec.components?.securitySchemes ?? {};
  /** @type {Record<string, string[]>[]} */
  const requirements = spec.security ?? [];
  if (requirements.length === 0) return 'none';
  return requirements
    .map((req) => {
      const names = Object.keys(req);
      if (names.length === 0) return 'no auth';
      return names
        .map((n) => {
          const scheme = deref(spec, schemes[n]);
          if (!scheme) throw new Error(`security requirement names unknown scheme ${n}`);
          return describeScheme(n, scheme);
        })
        .join(' and ');
    })
    .join(', or ');
}
