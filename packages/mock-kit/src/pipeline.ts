import { randomUUID } from 'node:crypto';
import {
  checkResponse,
  createAjv,
  createRequestValidator,
  listOperations,
  loadSpec,
  matchOperation,
  type Operation,
} from '@scanapis/spec-tools';
import { exampleReply } from './examples.js';
import {
  type ArmedFault,
  createFaults,
  FAULT_HEADER,
  type Faults,
  parseFaultHeader,
  SESSION_HEADER,
  validateFault,
} from './faults.js';
import { edgeReply } from './http-edges.js';
import { createPrismHandler } from './prism.js';
import { headerValue, mergeHeaders, toWireBytes } from './reply.js';
import type { Dialect, Handler, MockReply, MockRequest } from './types.js';

/** The prefix of the mock's own control paths; no vendor API has it. */
export const CONTROL_PREFIX = '/__scanapis/';

/** The header that names the query parameters a non-strict mock ignored. */
export const WARNING_HEADER = 'x-scanapis-warning';

/** A request as any transport hands it to the pipeline. */
export interface PipelineRequest {
  method: string;
  /** Path and query (`/api/v1/scans?limit=5`); a full URL is read for its path and query only. */
  url: string;
  /** Header names in lower case, as node:http gives them. */
  headers: Record<string, string | string[] | undefined>;
  /** The body (read only by the control paths): the text, or a function reading it. */
  body?: string | (() => Promise<string>);
  /** Aborts a fault's delay; the pipeline then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Ends a fault's delay early and answers at once (a server shutting down). */
  hurry?: AbortSignal;
}

/**
 * What the transport must do: send a reply (body already encoded, `content-type` set), or drop
 * the connection without one (a server resets the socket, a fetch rejects like a reset connection).
 */
export type PipelineOutcome =
  | { kind: 'reply'; status: number; headers: Record<string, string>; body: Buffer }
  | { kind: 'drop' };

export interface MockPipelineOptions {
  /** The bundled spec, `specs/<api>/dist/openapi.json`. */
  specFile: string;
  dialect: Dialect;
  /** Answers valid requests; defaults to Prism's static examples of the spec. */
  handler?: Handler;
  /**
   * Check every answer against the spec before sending it (default true). An answer that breaks
   * the spec is logged and replaced by the vendor's 500 with an `x-scanapis-violation` header.
   */
  validateResponses?: boolean;
  /** Told about every answer that broke the spec (default: one line on stderr). */
  onViolation?: (problems: string[], req: MockRequest) => void;
  /** Called on `POST /__scanapis/reset` and `reset()` (a behavioural mock clears its counters). */
  onReset?: () => void;
  /**
   * Strict mode for test authors: a query parameter the operation does not take is the vendor's
   * 400 naming it and listing the parameters it takes. Without it (the default) the vendors'
   * behaviour — the parameter is ignored — plus an `x-scanapis-warning` header naming it.
   */
  strict?: boolean;
}

/** One mock instance: its own faults, its own behaviour state, any number of transports on top. */
export interface MockPipeline {
  /** The faults armed on this instance (also reachable at `/__scanapis/faults`). */
  faults: Faults;
  /** Route → fault → authenticate → validate → handle → check the answer; control paths too. */
  handle(request: PipelineRequest): Promise<PipelineOutcome>;
  /** Clears the faults and the behaviour's counters (as `POST /__scanapis/reset`). */
  reset(): void;
  /** Resolves once the default handler (Prism's static examples) is loaded; at once otherwise. */
  ready: Promise<void>;
}

/**
 * Encodes a reply (to UTF-8 bytes): JSON unless the body is a string, `content-type` set when there is a body,
 * nothing of a body for a bodyless status (the one rule every transport follows: `toWireBytes`).
 */
export function encodeReply(reply: MockReply, common: Record<string, string> = {}): PipelineOutcome {
  const wire = toWireBytes(reply, common);
  return { kind: 'reply', status: wire.status, headers: wire.headers, body: wire.payload };
}

/** What a spec costs to prepare (parse, compile validators), paid once per spec file per process. */
interface Compiled {
  ajv: ReturnType<typeof createAjv>;
  operations: Operation[];
  validators: Map<Operation, ReturnType<typeof createRequestValidator>>;
}
const compiled = new Map<string, Compiled>();
function compile(specFile: string, strict: boolean): Compiled {
  const key = `${strict ? 'strict' : 'lenient'}:${specFile}`;
  let c = compiled.get(key);
  if (!c) {
    const ajv = createAjv();
    const operations = listOperations(loadSpec(specFile));
    const validators = new Map(
      operations.map((op) => [op, createRequestValidator(ajv, op, { strict })] as const),
    );
    c = { ajv, operations, validators };
    compiled.set(key, c);
  }
  return c;
}

const prismHandlers = new WeakMap<Dialect, Map<string, Promise<Handler>>>();
/**
 * Prism's static handler for a spec, built on first use and shared per dialect (it holds no
 * state; the dialect words its refusals of what `Prefer` asks for).
 */
function prismHandler(specFile: string, dialect: Dialect): Promise<Handler> {
  let bySpec = prismHandlers.get(dialect);
  if (!bySpec) {
    bySpec = new Map();
    prismHandlers.set(dialect, bySpec);
  }
  let h = bySpec.get(specFile);
  if (!h) {
    h = createPrismHandler(specFile, { dialect });
    bySpec.set(specFile, h);
  }
  return h;
}

/**
 * A request target the URL parser keeps exactly as it is: a path (not `//`) of letters, digits,
 * `-._~!$&()*+,;=:@%/` without a `.` or `..` segment or a `%2e`, and a query of those and `?`
 * (not `'`, which the query of an http URL percent-encodes; no `#`).
 */
const VERBATIM_TARGET = /^(\/(?!\/)[\w\-.~!$&()*+,;=:@%/]*)(?:\?([\w\-.~!$&()*+,;=:@%/?]*))?$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)|%2e/i;

/**
 * The path and query of a request target as `new URL(target, 'http://mock')` reads them (`search`
 * is `''` or starts with `?`) — parsed by URL only when the target is not verbatim (`url` is then
 * the parse, when it holds nothing else: no origin of its own, no fragment).
 */
export function pathAndQuery(target: string): { pathname: string; search: string; url?: URL } {
  const m = VERBATIM_TARGET.exec(target);
  if (m && !DOT_SEGMENT.test(m[1]!)) return { pathname: m[1]!, search: m[2] ? `?${m[2]}` : '' };
  const url = new URL(target, 'http://mock');
  const { pathname, search } = url;
  return url.href === `http://mock${pathname}${search}` ? { pathname, search, url } : { pathname, search };
}

/** Whether a dialect's or handler's result is to be awaited (a promise or any thenable; a reply has no `then`). */
const isPromise = <T>(value: T | PromiseLike<T>): value is PromiseLike<T> =>
  typeof (value as { then?: unknown } | undefined)?.then === 'function';

/** Where a request keeps its common headers once asked (`commonOf`). */
const COMMON = Symbol('common headers');

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Waits `ms`; rejects with the signal's reason if it aborts first, resolves early on `hurry`. */
function sleep(ms: number, signal?: AbortSignal, hurry?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    if (hurry?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      hurry?.removeEventListener('abort', done);
      resolve();
    };
    const onAbort = () => {
      clearTimeout(timer);
      hurry?.removeEventListener('abort', done);
      reject(signal?.reason);
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    hurry?.addEventListener('abort', done, { once: true });
  });
}

const json = (status: number, body: unknown) => encodeReply({ status, body });

/** The media type of a `Content-Type` header, lower-cased, without parameters. */
const mediaType = (value: string | undefined) => (value ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * The request pipeline every transport shares (node:http server, in-process fetch, MSW):
 * route → fault → authenticate → validate → handle → check the answer against the spec, plus
 * the control paths. Synchronous to create; Prism (the static mock) is loaded on first use.
 */
export function createMockPipeline(options: MockPipelineOptions): MockPipeline {
  const { ajv, operations, validators } = compile(options.specFile, options.strict ?? false);
  const { dialect } = options;
  // The static mock's Prism loads now, not on the first request: a server waits for it (`ready`).
  const prism = options.handler ? undefined : prismHandler(options.specFile, dialect);
  const handler: Handler = options.handler ?? (async (req) => (await prism!)(req));
  const ready = prism ? prism.then(() => undefined) : Promise.resolve();
  // Awaiting `ready` still sees a failure; an in-process mock that never awaits it does not crash.
  ready.catch(() => {});
  const validateResponses = options.validateResponses ?? true;
  const onViolation =
    options.onViolation ??
    ((problems: string[], req: MockRequest) =>
      console.error(
        `[mock] answer to ${req.method} ${req.url.pathname} breaks the spec: ${problems.join('; ')}`,
      ));
  const faults = createFaults();
  const reset = () => {
    faults.clear();
    options.onReset?.();
  };

  /**
   * Authenticate → validate → handle → check the answer. Synchronous while the dialect and the
   * handler are (a promise only when one of them returns one).
   */
  function answer(
    req: MockRequest,
    operation: Operation,
    query: URLSearchParams,
  ): MockReply | PromiseLike<MockReply> {
    const denied = dialect.authenticate(req);
    return isPromise(denied)
      ? denied.then((d) => d ?? validated(req, operation, query))
      : (denied ?? validated(req, operation, query));
  }

  function validated(
    req: MockRequest,
    operation: Operation,
    query: URLSearchParams,
  ): MockReply | PromiseLike<MockReply> {
    const { violations, params, warnings } = validators.get(operation)!({
      query,
      headers: req.headers,
      pathParams: req.pathParams,
    });
    if (warnings.length > 0) req.warnings = warnings;
    if (violations.length > 0) return dialect.badRequest(violations, req);
    req.params = params;
    const reply = handler(req);
    if (!validateResponses) return reply;
    return isPromise(reply) ? reply.then((r) => checked(req, operation, r)) : checked(req, operation, reply);
  }

  /** The handler's reply if it conforms to the spec; else the vendor's 500 naming the first problem. */
  function checked(req: MockRequest, operation: Operation, reply: MockReply): MockReply {
    const problems = checkResponse(ajv, operation, {
      status: reply.status,
      headers: mergeHeaders(commonOf(req), reply.headers),
      body: reply.body,
      contentType:
        reply.headers?.['content-type'] ??
        (typeof reply.body === 'string' ? 'text/plain' : 'application/json'),
    });
    if (problems.length === 0) return reply;
    onViolation(problems, req);
    const failed = dialect.internalError(req);
    return { ...failed, headers: { ...failed.headers, 'x-scanapis-violation': problems[0]!.slice(0, 200) } };
  }

  /**
   * The dialect's common headers for `req`, asked once the request is authenticated (they may say
   * where its key stands) and then kept on it: the answer is checked and sent with the same ones.
   */
  function commonOf(req: MockRequest): Record<string, string> | undefined {
    const kept = req as MockRequest & { [COMMON]?: Record<string, string> | undefined };
    if (!(COMMON in kept)) kept[COMMON] = dialect.commonHeaders?.(req);
    return kept[COMMON];
  }

  /** `/__scanapis/faults` (GET lists, POST arms, DELETE clears), `/__scanapis/reset`, `/__scanapis/health`. */
  async function control(request: PipelineRequest, pathname: string): Promise<PipelineOutcome> {
    const path = pathname.slice(CONTROL_PREFIX.length);
    const method = request.method.toUpperCase();
    const session = first(request.headers[SESSION_HEADER]);
    if (path === 'health' && method === 'GET') return json(200, { ok: true });
    const changes = (path === 'reset' && method === 'POST') || (path === 'faults' && method !== 'GET');
    // A state change must say it is JSON: a cross-site form or `text/plain` POST cannot.
    if (changes && mediaType(first(request.headers['content-type'])) !== 'application/json') {
      return json(415, {
        error: `${method} ${CONTROL_PREFIX}${path} needs Content-Type: application/json`,
      });
    }
    if (path === 'reset' && method === 'POST') {
      reset();
      return json(200, { reset: true });
    }
    if (path !== 'faults') return json(404, { error: `no control path ${CONTROL_PREFIX}${path}` });
    if (method === 'GET') return json(200, { faults: faults.list(session) });
    if (method === 'DELETE') {
      faults.clear(session);
      return json(200, { faults: faults.list(session) });
    }
    if (method !== 'POST') return json(405, { error: 'use GET, POST or DELETE' });
    let fault: unknown;
    try {
      const text = typeof request.body === 'function' ? await request.body() : (request.body ?? '');
      fault = JSON.parse(text);
    } catch (error) {
      return json(400, { error: `the body must be a JSON fault: ${(error as Error).message}` });
    }
    const problem = validateFault(fault);
    if (problem) return json(400, { error: problem });
    faults.arm(fault as never);
    return json(201, { faults: faults.list((fault as { session?: string }).session) });
  }

  async function handle(request: PipelineRequest): Promise<PipelineOutcome> {
    const target = pathAndQuery(request.url);
    if (target.pathname.startsWith(CONTROL_PREFIX)) return control(request, target.pathname);
    let url = target.url;
    let requestId: string | undefined;
    const req: MockRequest = {
      method: request.method,
      // Path and query only (a full URL's origin, credentials and fragment dropped), made when
      // first read: the pipeline itself routes by the path and validates the query.
      get url() {
        url ??= new URL(`${target.pathname}${target.search}`, 'http://mock');
        return url;
      },
      headers: request.headers,
      // Made when a dialect first reads it (most answers carry none).
      get requestId() {
        requestId ??= randomUUID();
        return requestId;
      },
      pathParams: {},
      params: {},
    };
    const header = first(request.headers[FAULT_HEADER]);
    const asked = header === undefined ? undefined : parseFaultHeader(header);
    // A malformed fault header is the vendor's 400, in its words and with its common headers.
    if (typeof asked === 'string') return encodeReply(edgeReply(dialect, 400, asked, req), commonOf(req));
    let reply: MockReply;
    try {
      const match = matchOperation(operations, req.method, target.pathname);
      if (!match) reply = dialect.notFound(req);
      else if ('methodNotAllowed' in match) reply = dialect.methodNotAllowed(req);
      else {
        req.operation = match.operation;
        req.pathParams = match.pathParams;
        // Only an answer the fault replaces uses it up: routing errors above never take one.
        const fault: ArmedFault | undefined = asked ?? faults.take(first(request.headers[SESSION_HEADER]));
        if (fault?.delayMs) await sleep(fault.delayMs, request.signal, request.hurry);
        if (fault?.drop) return { kind: 'drop' };
        const answered = fault?.status
          ? (exampleReply(match.operation, fault.status) ??
            dialect.statusError?.(fault.status, req) ?? {
              ...dialect.internalError(req),
              status: fault.status,
            })
          : answer(req, match.operation, new URLSearchParams(target.search));
        reply = isPromise(answered) ? await answered : answered;
      }
      if (dialect.finish) reply = dialect.finish(reply, req);
      if (req.warnings?.length) {
        reply = {
          ...reply,
          headers: { ...reply.headers, [WARNING_HEADER]: headerValue(req.warnings.join('; ')) },
        };
      }
    } catch (error) {
      if (request.signal?.aborted && error === request.signal.reason) throw error;
      process.emitWarning(`mock failed on ${req.method} ${req.url.pathname}: ${(error as Error).message}`);
      reply = dialect.internalError(req);
    }
    return encodeReply(reply, commonOf(req));
  }

  return { faults, handle, reset, ready };
}
