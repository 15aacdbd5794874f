import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createAjv,
  createRequestValidator,
  listOperations,
  loadSpec,
  matchOperation,
  type Operation,
} from '@scanapis/spec-tools';
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
}

export interface RunningMock {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  host: string;
  /** Stops accepting, drops open connections, resolves once closed. */
  close(): Promise<void>;
}

function send(res: ServerResponse, reply: MockReply, common: Record<string, string>): void {
  const isText = typeof reply.body === 'string';
  const payload =
    reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
  const headers: Record<string, string> = { ...common, ...reply.headers };
  if (payload && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = isText ? 'text/plain; charset=utf-8' : 'application/json';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** Builds the request pipeline: route → authenticate → validate → handle. */
export async function createMockHandler(
  options: Pick<MockServerOptions, 'specFile' | 'dialect' | 'handler'>,
) {
  const doc = loadSpec(options.specFile);
  const ajv = createAjv();
  const operations = listOperations(doc);
  const validators = new Map<Operation, ReturnType<typeof createRequestValidator>>(
    operations.map((op) => [op, createRequestValidator(ajv, op)]),
  );
  const handler = options.handler ?? (await createPrismHandler(options.specFile));
  const { dialect } = options;

  return async function handle(incoming: IncomingMessage): Promise<{ reply: MockReply; req: MockRequest }> {
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
      const match = matchOperation(operations, req.method, url.pathname);
      if (!match) return { reply: dialect.notFound(req), req };
      if ('methodNotAllowed' in match) return { reply: dialect.methodNotAllowed(req), req };
      req.operation = match.operation;
      req.pathParams = match.pathParams;
      const denied = await dialect.authenticate(req);
      if (denied) return { reply: denied, req };
      const validate = validators.get(match.operation)!;
      const { violations, params } = validate({
        query: url.searchParams,
        headers: req.headers,
        pathParams: req.pathParams,
      });
      if (violations.length > 0) return { reply: dialect.badRequest(violations, req), req };
      req.params = params;
      return { reply: await handler(req), req };
    } catch (error) {
      process.emitWarning(`mock failed on ${req.method} ${url.pathname}: ${(error as Error).message}`);
      return { reply: dialect.internalError(req), req };
    }
  };
}

/** Starts a mock server and resolves once it answers HTTP. */
export async function startMockServer(options: MockServerOptions): Promise<RunningMock> {
  const handle = await createMockHandler(options);
  const server = createServer((incoming, res) => {
    // A GET carries no body the mock reads; drain whatever came so the socket stays usable.
    incoming.resume();
    handle(incoming).then(
      ({ reply, req }) => send(res, reply, options.dialect.commonHeaders?.(req) ?? {}),
      () => {
        res.writeHead(500).end();
      },
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
  await waitUntilAnswering(url);
  return {
    url,
    port,
    host,
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
