import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Faults } from './faults.js';
import { CONTROL_PREFIX, createMockPipeline, type MockPipelineOptions, mergeHeaders } from './pipeline.js';
import type { MockReply, MockRequest } from './types.js';

export interface MockServerOptions extends MockPipelineOptions {
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
  /** The faults armed on this mock (also reachable at `/__scanapis/faults`). */
  faults: Faults;
  /** Clears this mock's faults and its behaviour's counters (as `POST /__scanapis/reset`). */
  reset(): void;
  /** Stops accepting, drops open connections, resolves once closed. */
  close(): Promise<void>;
}

function send(res: ServerResponse, reply: MockReply, common: Record<string, string>): void {
  const isText = typeof reply.body === 'string';
  const payload =
    reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
  const headers = mergeHeaders(common, reply.headers);
  if (payload && !('content-type' in headers)) {
    headers['content-type'] = isText ? 'text/plain; charset=utf-8' : 'application/json';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
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

/** Starts a mock server and resolves once it answers HTTP. */
export async function startMockServer(options: MockServerOptions): Promise<RunningMock> {
  const pipeline = createMockPipeline(options);
  // Long query strings are a fuzzing staple: accept up to 256 KiB of request line and headers so
  // they reach validation (and get the vendor's 400) instead of Node's bare 431.
  const server = createServer({ maxHeaderSize: 256 * 1024 }, (incoming, res) => {
    // A client that goes away ends a fault's delay early.
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    pipeline
      .handle({
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body: () => readBody(incoming),
        signal: gone.signal,
      })
      .then(
        (outcome) => {
          // Whatever body came and was not read (the mock reads only control bodies): drain it
          // so the socket stays usable.
          incoming.resume();
          if (outcome.kind === 'drop') res.socket?.destroy();
          else send(res, outcome, {});
        },
        () => {
          if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
        },
      );
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
    faults: pipeline.faults,
    reset: pipeline.reset,
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
