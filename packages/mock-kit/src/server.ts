import { createServer, get, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Faults } from './faults.js';
import {
  type EdgeTimeouts,
  edgeRequest,
  edgeServerOptions,
  installEdges,
  refuseRequest,
} from './http-edges.js';
import { createInflight } from './inflight.js';
import { CONTROL_PREFIX, createMockPipeline, type MockPipelineOptions } from './pipeline.js';
import { toWire } from './reply.js';
import type { MockReply } from './types.js';

export interface MockServerOptions extends MockPipelineOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1: the mock is not reachable from other machines unless asked. */
  host?: string;
  /** How long a client may take to send its headers / its request (408 after). */
  timeouts?: EdgeTimeouts;
}

/** How long `close()` lets requests in flight finish (ms). */
export const DEFAULT_GRACE_MS = 5_000;

export interface RunningMock {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  host: string;
  /** The faults armed on this mock (also reachable at `/__scanapis/faults`). */
  faults: Faults;
  /** Clears this mock's faults and its behaviour's counters (as `POST /__scanapis/reset`). */
  reset(): void;
  /**
   * Stops accepting, lets requests in flight finish within `graceMs` (default 5 s; delayed
   * faults answer at once), then drops what is left; resolves once closed.
   */
  close(graceMs?: number): Promise<void>;
}

/** Writes an encoded reply (the pipeline's, or one the HTTP layer decided). */
function send(res: ServerResponse, reply: MockReply, common: Record<string, string>): void {
  const wire = toWire(reply, common);
  res.writeHead(wire.status, wire.headers);
  res.end(wire.payload);
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
  const host = options.host ?? '127.0.0.1';
  if (host.trim() === '') throw new Error('host must not be empty (an empty host binds every interface)');
  const pipeline = createMockPipeline(options);
  await pipeline.ready;
  const { dialect } = options;
  const inflight = createInflight();
  // A shutdown ends every fault's delay early: the request is answered, not dropped.
  const shutdown = new AbortController();
  const server = createServer(edgeServerOptions(options.timeouts), (incoming, res) => {
    // A client that goes away ends a fault's delay early. The signal is made only when the
    // pipeline reads it (a delayed fault): aborted at once if the client is already gone.
    let gone: AbortController | undefined;
    let left = false;
    inflight.track(res, () => {
      if (res.writableFinished) return;
      left = true;
      gone?.abort();
    });
    const refused = refuseRequest(incoming, dialect);
    if (refused) {
      incoming.resume();
      send(res, refused.reply, dialect.commonHeaders?.(refused.req) ?? {});
      return;
    }
    pipeline
      .handle({
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body: () => readBody(incoming),
        get signal() {
          if (!gone) {
            gone = new AbortController();
            if (left) gone.abort();
          }
          return gone.signal;
        },
        hurry: shutdown.signal,
      })
      .then(
        (outcome) => {
          // Whatever body came and was not read (the mock reads only control bodies): drain it
          // so the socket stays usable.
          incoming.resume();
          if (outcome.kind === 'drop') res.socket?.destroy();
          else {
            res.writeHead(outcome.status, outcome.headers);
            res.end(outcome.body);
          }
        },
        () => {
          if (res.headersSent || res.destroyed) return;
          const req = edgeRequest(incoming.method ?? 'GET', incoming.url, incoming.headers);
          send(res, dialect.internalError(req), dialect.commonHeaders?.(req) ?? {});
        },
      );
  });
  installEdges(server, dialect, inflight);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  let closing: Promise<void> | undefined;
  const close = (graceMs = DEFAULT_GRACE_MS): Promise<void> => {
    closing ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      shutdown.abort();
      await inflight.drain(graceMs);
      server.closeAllConnections();
      await closed;
    })();
    return closing;
  };
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  try {
    await waitUntilAnswering(`${url}${CONTROL_PREFIX}health`);
  } catch (error) {
    // Nothing is left listening when the mock cannot start.
    await close(0);
    throw error;
  }
  return { url, port, host, faults: pipeline.faults, reset: pipeline.reset, close };
}

/**
 * One GET to `url` over node:http, not the global `fetch` (a test suite may have replaced it, or
 * MSW may intercept it): resolves once an answer has come, whatever its status.
 */
function probe(url: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent: false }, (res) => {
      res.on('error', reject);
      res.on('end', resolve);
      res.resume();
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

/** Polls `url` until any HTTP answer comes back (10 s at most). */
export async function waitUntilAnswering(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe(url, 1_000);
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`${url} did not answer within ${timeoutMs} ms: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
