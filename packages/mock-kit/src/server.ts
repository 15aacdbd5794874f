import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  validateFault,
} from './faults.js';
import { toJson } from './json.js';
import { createPrismHandler } from './prism.js';
import type { Dialect, Handler, MockReply, MockRequest } from './types.js';

export interface MockServerOptions {
  /** The bundled spec, `specs/<api>/dist/openapi.json`. */
  specFile: string;
  dialect: Dialect;
  /** Answers valid requests; defaults to Prism's static examples of the spec. */
  handler?: Handler;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1: the mock is not reachable from other machines unless asked. */
  host?: string;
  /**
   * Check every answer against the spec before sending it (default true). An answer that breaks
   * the spec is logged and replaced by the vendor's 500 with an `x-scanapis-violation` header.
   */
  validateResponses?: boolean;
  /** Told about every answer that broke the spec (default: one line on stderr). */
  onViolation?: (problems: string[], req: MockRequest) => void;
  /** Called on `POST /__scanapis/reset` (a behavioural mock clears its counters). */
  onReset?: () => void;
}

export interface RunningMock {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  host: string;
  /** The faults armed on this mock (also reachable at `/__scanapis/faults`). */
  faults: Faults;
  /** Stops accepting, drops open connections, resolves once closed. */
  close(): Promise<void>;
}

/** The prefix of the mock's own control paths; no vendor API has it. */
export const CONTROL_PREFIX = '/__scanapis/';

/** Merges header objects by lower-cased name (later wins), as HTTP compares names. */
function mergeHeaders(...sources: Array<Record<string, string> | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const source of sources) for (const [k, v] of Object.entries(source ?? {})) out[k.toLowerCase()] = v;
  return out;
}

function send(res: ServerResponse, reply: MockReply, common: Record<string, string>): void {
  const isText = typeof reply.body === 'string';
  const payload = reply.body === undefined ? '' : isText ? (reply.body as string) : toJson(reply.body);
  const headers = mergeHeaders(common, reply.headers);
  if (payload && !('content-type' in headers)) {
    headers['content-type'] = isText ? 'text/plain; charset=utf-8' : 'application/json';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** Builds the request pipeline: route → fault → authenticate → validate → handle → check the answer. */
export async function createMockHandler(
  options: Pick<MockServerOptions, 'specFile' | 'dialect' | 'handler' | 'validateResponses' | 'onViolation'>,
) {
  const doc = loadSpec(options.specFile);
  const ajv = createAjv();
  const operations = listOperations(doc);
  const validators = new Map<Operation, ReturnType<typeof createRequestValidator>>(
    operations.map((op) => [op, createRequestValidator(ajv, op)]),
  );
  const handler = options.handler ?? (await createPrismHandler(options.specFile));
  const { dialect } = options;
  const validateResponses = options.validateResponses ?? true;
  const onViolation =
    options.onViolation ??
    ((problems: string[], req: MockRequest) =>
      console.error(
        `[mock] answer to ${req.method} ${req.url.pathname} breaks the spec: ${problems.join('; ')}`,
      ));

  async function answer(req: MockRequest, fault: ArmedFault | undefined): Promise<MockReply> {
    const reply = await route(req, fault);
    return dialect.finish ? dialect.finish(reply, req) : reply;
  }

  async function route(req: MockRequest, fault: ArmedFault | undefined): Promise<MockReply> {
    const match = matchOperation(operations, req.method, req.url.pathname);
    if (!match) return dialect.notFound(req);
    if ('methodNotAllowed' in match) return dialect.methodNotAllowed(req);
    req.operation = match.operation;
    req.pathParams = match.pathParams;
    if (fault?.status) {
      return (
        exampleReply(match.operation, fault.status) ?? { ...dialect.internalError(req), status: fault.status }
      );
    }
    const denied = await dialect.authenticate(req);
    if (denied) return denied;
    const validate = validators.get(match.operation)!;
    const { violations, params } = validate({
      query: req.url.searchParams,
      headers: req.headers,
      pathParams: req.pathParams,
    });
    if (violations.length > 0) return dialect.badRequest(violations, req);
    req.params = params;
    const reply = await handler(req);
    if (!validateResponses) return reply;
    const problems = checkResponse(ajv, match.operation, {
      status: reply.status,
      headers: mergeHeaders(dialect.commonHeaders?.(req), reply.headers),
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

  return async function handle(
    incoming: IncomingMessage,
    fault?: ArmedFault,
  ): Promise<{ reply: MockReply; req: MockRequest }> {
    const url = new URL(incoming.url ?? '/', 'http://mock');
    const req: MockRequest = {
      method: incoming.method ?? 'GET',
      url,
      headers: incoming.headers,
      requestId: randomUUID(),
      pathParams: {},
      params: {},
    };
    try {
      return { reply: await answer(req, fault), req };
    } catch (error) {
      process.emitWarning(`mock failed on ${req.method} ${url.pathname}: ${(error as Error).message}`);
      return { reply: dialect.internalError(req), req };
    }
  };
}

async function readBody(incoming: IncomingMessage, limit = 65_536): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error(`body larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `/__scanapis/faults` (GET lists, POST arms, DELETE clears), `/__scanapis/reset`, `/__scanapis/health`. */
async function control(incoming: IncomingMessage, res: ServerResponse, faults: Faults, onReset?: () => void) {
  const reply = (status: number, body: unknown) => send(res, { status, body }, {});
  const path = new URL(incoming.url ?? '/', 'http://mock').pathname.slice(CONTROL_PREFIX.length);
  const method = incoming.method ?? 'GET';
  if (path === 'health' && method === 'GET') return reply(200, { ok: true });
  if (path === 'reset' && method === 'POST') {
    incoming.resume();
    faults.clear();
    onReset?.();
    return reply(200, { reset: true });
  }
  if (path !== 'faults') return reply(404, { error: `no control path ${CONTROL_PREFIX}${path}` });
  if (method === 'GET') return reply(200, { faults: faults.list() });
  if (method === 'DELETE') {
    incoming.resume();
    faults.clear();
    return reply(200, { faults: [] });
  }
  if (method !== 'POST') return reply(405, { error: 'use GET, POST or DELETE' });
  let fault: unknown;
  try {
    fault = JSON.parse(await readBody(incoming));
  } catch (error) {
    return reply(400, { error: `the body must be a JSON fault: ${(error as Error).message}` });
  }
  const problem = validateFault(fault);
  if (problem) return reply(400, { error: problem });
  faults.arm(fault as never);
  return reply(201, { faults: faults.list() });
}

/** Starts a mock server and resolves once it answers HTTP. */
export async function startMockServer(options: MockServerOptions): Promise<RunningMock> {
  const handle = await createMockHandler(options);
  const faults = createFaults();
  // Long query strings are a fuzzing staple: accept up to 256 KiB of request line and headers so
  // they reach validation (and get the vendor's 400) instead of Node's bare 431.
  const server = createServer({ maxHeaderSize: 256 * 1024 }, (incoming, res) => {
    if (incoming.url?.startsWith(CONTROL_PREFIX)) {
      control(incoming, res, faults, options.onReset).catch(() => res.destroy());
      return;
    }
    // A GET carries no body the mock reads; drain whatever came so the socket stays usable.
    incoming.resume();
    const header = incoming.headers[FAULT_HEADER];
    const asked = typeof header === 'string' ? parseFaultHeader(header) : undefined;
    if (typeof asked === 'string') {
      send(res, { status: 400, body: { error: asked } }, {});
      return;
    }
    const fault = asked ?? faults.take();
    const run = () => {
      if (fault?.drop) {
        res.socket?.destroy();
        return;
      }
      handle(incoming, fault).then(
        ({ reply, req }) => send(res, reply, options.dialect.commonHeaders?.(req) ?? {}),
        () => res.writeHead(500).end(),
      );
    };
    if (fault?.delayMs) setTimeout(run, fault.delayMs);
    else run();
  });
  // Requests Node cannot parse (too large, malformed) still get the vendor's error format.
  server.on('clientError', (error: Error & { code?: string }, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const req: MockRequest = {
      method: 'GET',
      url: new URL('http://mock/'),
      headers: {},
      requestId: randomUUID(),
      pathParams: {},
      params: {},
    };
    const reply = options.dialect.badRequest(
      [
        {
          in: 'header',
          name: 'request',
          keyword: 'http',
          message: tooLarge ? 'headers are too large' : 'is not valid HTTP',
        },
      ],
      req,
    );
    const body = JSON.stringify(reply.body);
    const status = tooLarge ? 431 : 400;
    const headers = mergeHeaders(options.dialect.commonHeaders?.(req), reply.headers, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n${Object.entries(
        headers,
      )
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n')}\r\n\r\n${body}`,
    );
  });
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  await waitUntilAnswering(`${url}${CONTROL_PREFIX}health`);
  return {
    url,
    port,
    host,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Polls `url` until any HTTP answer comes back (10 s at most). */
export async function waitUntilAnswering(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`${url} did not answer within ${timeoutMs} ms: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
