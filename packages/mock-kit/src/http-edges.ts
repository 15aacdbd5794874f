import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerOptions, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Inflight } from './inflight.js';
import { toWire } from './reply.js';
import type { Dialect, MockReply, MockRequest } from './types.js';

/*
 * The requests node:http would answer by itself — with a bare status, or by closing the socket —
 * answered instead in the vendor's format with the API's common headers: an unparseable target,
 * a missing Host, an unsupported Expect, CONNECT and unknown methods, header and request
 * timeouts (408), oversized headers (431), bytes that are not HTTP. A connection that breaks
 * after valid pipelined requests gets their answers first, then the error.
 */

/** How long a client may take, in ms, to send its headers and its whole request. */
export interface EdgeTimeouts {
  /** Default 60,000 (Node's). */
  headersMs?: number;
  /** Default 300,000 (Node's); at least `headersMs`. */
  requestMs?: number;
}

/** The node:http options the edges need: big headers reach validation, Host is checked here. */
export function edgeServerOptions(timeouts: EdgeTimeouts = {}): ServerOptions {
  const headersTimeout = timeouts.headersMs ?? 60_000;
  const requestTimeout = Math.max(timeouts.requestMs ?? 300_000, headersTimeout);
  return {
    // Long query strings are a fuzzing staple: up to 256 KiB of request line and headers reach
    // validation (the vendor's 400); beyond that the vendor's 431.
    maxHeaderSize: 256 * 1024,
    requireHostHeader: false,
    headersTimeout,
    requestTimeout,
    // Node checks the timeouts on this interval (30 s by default): often enough for short ones.
    connectionsCheckingInterval: Math.max(10, Math.min(30_000, Math.floor(headersTimeout / 4))),
  };
}

/** The request target as a URL, or undefined when it cannot be one (`http://[/`). */
export function parseTarget(raw: string | undefined): URL | undefined {
  try {
    const url = new URL(raw ?? '/', 'http://mock');
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the request target can be a URL. A path of printable ASCII that starts with one `/`
 * (not `//` nor `/\\`, which begin an authority) always can: `new URL` is asked only otherwise.
 */
const PLAIN_PATH = /^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/;
const isValidTarget = (raw: string | undefined): boolean =>
  (raw !== undefined && PLAIN_PATH.test(raw)) || parseTarget(raw) !== undefined;

/** A request the pipeline never saw, for the dialect's words and common headers. */
export function edgeRequest(
  method: string,
  target: string | undefined,
  headers: MockRequest['headers'] = {},
): MockRequest {
  let url = parseTarget(target);
  if (!url) {
    url = new URL('http://mock/');
    url.pathname = (target ?? '').slice(0, 200);
  }
  return { method, url, headers, requestId: randomUUID(), pathParams: {}, params: {} };
}

/** The vendor's error for a status the HTTP layer decided, in its own words and code. */
export function edgeReply(dialect: Dialect, status: number, message: string, req: MockRequest): MockReply {
  const reply =
    dialect.statusError?.(status, req, message) ??
    ({
      ...dialect.badRequest([{ in: 'rule', name: 'request', keyword: 'http', message }], req),
      status,
    } satisfies MockReply);
  return dialect.finish ? dialect.finish(reply, req) : reply;
}

/** Writes a whole answer on a socket node:http no longer handles, and closes it. */
export function writeRaw(socket: Duplex, dialect: Dialect, reply: MockReply, req: MockRequest): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const wire = toWire(reply, { ...dialect.commonHeaders?.(req), connection: 'close' });
  const head = Object.entries(wire.headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  // An answer to HEAD says how long its body would be, and sends none.
  socket.end(
    `HTTP/1.1 ${wire.status} ${STATUS_CODES[wire.status] ?? 'Error'}\r\n${head}\r\n\r\n${req.method === 'HEAD' ? '' : wire.payload}`,
  );
  // A peer that never reads cannot keep the socket open.
  setTimeout(() => socket.destroy(), 2_000).unref();
}

/**
 * Checks a request node:http parsed before the pipeline sees it: a target that is no URL, or an
 * HTTP/1.1 request without Host, is the vendor's 400. Undefined when the request may go on.
 */
export function refuseRequest(
  incoming: IncomingMessage,
  dialect: Dialect,
): { reply: MockReply; req: MockRequest } | undefined {
  const method = incoming.method ?? 'GET';
  if (!isValidTarget(incoming.url)) {
    const req = edgeRequest(method, incoming.url, incoming.headers);
    const target = JSON.stringify((incoming.url ?? '').slice(0, 100));
    return { req, reply: edgeReply(dialect, 400, `the request target ${target} is not a valid URL`, req) };
  }
  if (incoming.httpVersion === '1.1' && incoming.headers.host === undefined) {
    const req = edgeRequest(method, incoming.url, incoming.headers);
    return { req, reply: edgeReply(dialect, 400, 'the Host header is required in HTTP/1.1', req) };
  }
  return undefined;
}

const METHOD_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}) (\S{1,8192}) HTTP\/\d\.\d\r?$/;

/**
 * What a bad request looks like, for words that help: its method and target when it has them.
 * The packet may hold earlier (valid, pipelined) requests: the line read is the one the parser
 * stopped in.
 */
function rawStart(error: {
  rawPacket?: Buffer;
  bytesParsed?: number;
}): { method: string; target: string } | undefined {
  const packet = error.rawPacket;
  if (!packet) return undefined;
  const at = Math.min(error.bytesParsed ?? 0, packet.length);
  const from = packet.lastIndexOf(0x0a, Math.max(0, at - 1)) + 1;
  const to = packet.indexOf(0x0a, at);
  const line = packet.subarray(from, to < 0 ? Math.min(packet.length, from + 9000) : to).toString('latin1');
  const m = METHOD_LINE.exec(line);
  return m ? { method: m[1] as string, target: m[2] as string } : undefined;
}

/** Installs the answers to what node:http cannot hand to the pipeline. */
export function installEdges(server: Server, dialect: Dialect, inflight: Inflight): void {
  server.on(
    'clientError',
    (error: Error & { code?: string; rawPacket?: Buffer; bytesParsed?: number }, socket: Duplex) => {
      if (!socket.writable || error.code === 'ECONNRESET') {
        socket.destroy();
        return;
      }
      const start = rawStart(error);
      const req = edgeRequest(start?.method ?? 'GET', start?.target);
      let reply: MockReply;
      switch (error.code) {
        case 'HPE_HEADER_OVERFLOW':
          reply = edgeReply(dialect, 431, 'the request line and headers are larger than 256 KiB', req);
          break;
        case 'ERR_HTTP_REQUEST_TIMEOUT':
          reply = edgeReply(dialect, 408, 'the request was not received in time', req);
          break;
        case 'HPE_INVALID_METHOD':
          reply = start
            ? dialect.methodNotAllowed(req)
            : edgeReply(dialect, 400, 'the request is not valid HTTP/1.1', req);
          if (start && dialect.finish) reply = dialect.finish(reply, req);
          break;
        default:
          reply = edgeReply(
            dialect,
            400,
            `the request is not valid HTTP/1.1 (${error.code ?? 'malformed'})`,
            req,
          );
      }
      // Answers to the valid requests before it on this connection go first, in order.
      inflight.settled(socket as Socket).then(() => writeRaw(socket, dialect, reply, req));
    },
  );

  // CONNECT: no tunnels here; the vendor's answer to a method it does not serve.
  server.on('connect', (incoming: IncomingMessage, socket: Duplex) => {
    const req = edgeRequest(incoming.method ?? 'CONNECT', incoming.url, incoming.headers);
    const reply = dialect.methodNotAllowed(req);
    writeRaw(socket, dialect, dialect.finish ? dialect.finish(reply, req) : reply, req);
  });

  // `Expect: 100-continue`: no bare interim 100 — the mock reads no body before it answers, so the
  // final answer (in the vendor's format) comes at once, as RFC 9110 §10.1.1 allows.
  server.on('checkContinue', (incoming: IncomingMessage, res) => server.emit('request', incoming, res));

  // `Expect` other than 100-continue: the vendor's 417, and the connection closes (a body may follow).
  server.on('checkExpectation', (incoming: IncomingMessage, res) => {
    const req = edgeRequest(incoming.method ?? 'GET', incoming.url, incoming.headers);
    const expect = JSON.stringify(String(incoming.headers.expect).slice(0, 100));
    const reply = edgeReply(dialect, 417, `Expect ${expect} is not supported; only 100-continue is`, req);
    const wire = toWire(reply, { ...dialect.commonHeaders?.(req), connection: 'close' });
    res.writeHead(wire.status, wire.headers);
    res.end(wire.payload);
  });
}
