import { dereference, type JsonObject, type OpenApiDocument } from './load.js';

export type ParameterLocation = 'query' | 'header' | 'path' | 'cookie';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required?: boolean;
  description?: string;
  schema: JsonObject;
  style?: string;
  explode?: boolean;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}

export interface MediaType {
  schema?: JsonObject;
  example?: unknown;
  examples?: Record<string, { value?: unknown; summary?: string }>;
}

export interface Header {
  description?: string;
  required?: boolean;
  schema?: JsonObject;
  example?: unknown;
}

export interface Response {
  description: string;
  headers?: Record<string, Header>;
  content?: Record<string, MediaType>;
}

/** One operation with every $ref resolved and path-level parameters merged in. */
export interface Operation {
  method: string;
  path: string;
  operationId: string;
  summary?: string;
  parameters: Parameter[];
  responses: Record<string, Response>;
  security?: Array<Record<string, string[]>>;
  /** The operation object itself (resolved), for vendor extensions (`x-scanapis-*`). */
  raw: JsonObject;
  /** Matches a concrete request path; captures path parameters by name. */
  pattern: RegExp;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function pathPattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) =>
      part.startsWith('{')
        ? `(?<${part.slice(1, -1).replace(/\W/g, '_')}>[^/]+)`
        : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`);
}

/** Every operation of the document, resolved. */
export function listOperations(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const item = dereference(doc, rawItem);
    const shared = (item.parameters ?? []) as Parameter[];
    for (const method of METHODS) {
      const op = item[method] as JsonObject | undefined;
      if (!op) continue;
      const own = (op.parameters ?? []) as Parameter[];
      const parameters = [
        ...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)),
        ...own,
      ];
      out.push({
        method,
        path,
        operationId: String(op.operationId ?? `${method} ${path}`),
        summary: op.summary as string | undefined,
        parameters,
        responses: (op.responses ?? {}) as Record<string, Response>,
        security: (op.security ?? doc.security) as Operation['security'],
        raw: op,
        pattern: pathPattern(path),
      });
    }
  }
  return out;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Finds the operation for a method and a concrete path, with its path parameters. */
export function matchOperation(
  operations: Operation[],
  method: string,
  pathname: string,
): { operation: Operation; pathParams: Record<string, string> } | { methodNotAllowed: true } | undefined {
  let pathMatched = false;
  for (const operation of operations) {
    const match = operation.pattern.exec(pathname);
    if (!match) continue;
    pathMatched = true;
    if (operation.method !== method.toLowerCase()) continue;
    const pathParams: Record<string, string> = {};
    for (const [k, v] of Object.entries(match.groups ?? {})) pathParams[k] = safeDecode(v);
    return { operation, pathParams };
  }
  return pathMatched ? { methodNotAllowed: true } : undefined;
}
