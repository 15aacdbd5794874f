import { connect } from 'node:net';
import { assertAllowedHost } from './target.js';

/** One HTTP/1.1 answer read off a raw socket. */
export interface RawAnswer {
  status: number;
  /** Lower-cased names; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends bytes on a fresh connection to `baseUrl` (loopback only) and collects what comes back
 * until the server closes, `idleMs` passes without a byte, or `timeoutMs` in all.
 */
export function rawExchange(
  baseUrl: string,
  payload: string | Buffer | Array<string | Buffer>,
  options: { timeoutMs?: number; idleMs?: number; pauseMs?: number; end?: boolean } = {},
): Promise<{ text: string; closed: boolean }> {
  const url = new URL(baseUrl);
  assertAllowedHost(url);
  const parts = Array.isArray(payload) ? payload : [payload];
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname.replace(/^\[|\]$/g, ''));
    const chunks: Buffer[] = [];
    let closed = false;
    let idle: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(idle);
      clearTimeout(overall);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed });
    };
    const overall = setTimeout(finish, options.timeoutMs ?? 5_000);
    const armIdle = () => {
      if (options.idleMs === undefined) return;
      clearTimeout(idle);
      idle = setTimeout(finish, options.idleMs);
    };
    socket.on('connect', async () => {
      for (const [i, part] of parts.entries()) {
        if (i > 0 && options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
        if (!socket.writable) break;
        socket.write(part);
      }
      if (options.end) socket.end();
      armIdle();
    });
    socket.on('data', (d) => {
      chunks.push(d);
      armIdle();
    });
    socket.on('end', () => {
      closed = true;
      finish();
    });
    socket.on('error', () => {
      closed = true;
      finish();
    });
  });
}

/**
 * Splits what a server sent into answers (framed by `content-length`; a bodyless status, or an
 * answer to HEAD (`head`), has no body). Throws when the bytes are not HTTP/1.1 answers.
 */
export function parseRawAnswers(text: string, options: { head?: boolean } = {}): RawAnswer[] {
  const out: RawAnswer[] = [];
  let rest = text;
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) throw new Error(`an incomplete answer: ${JSON.stringify(rest.slice(0, 200))}`);
    const [statusLine, ...lines] = rest.slice(0, end).split('\r\n');
    const m = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(statusLine ?? '');
    if (!m) throw new Error(`not an HTTP status line: ${JSON.stringify(statusLine)}`);
    const status = Number(m[1]);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new Error(`not a header line: ${JSON.stringify(line)}`);
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const bodyless = (status >= 100 && status < 200) || status === 204 || status === 205 || status === 304;
    let length = 0;
    // An answer to HEAD says how long the body would be and sends none.
    if (!bodyless && !options.head) {
      if (headers['transfer-encoding'])
        throw new Error('a chunked answer (the mock always sends content-length)');
      length = Number(headers['content-length'] ?? 'NaN');
      if (!Number.isInteger(length)) throw new Error(`status ${status} without content-length`);
    }
    const bodyBytes = Buffer.from(rest.slice(end + 4), 'latin1');
    if (bodyBytes.length < length) throw new Error(`a body shorter than its content-length ${length}`);
    const body = bodyBytes.subarray(0, length).toString('utf8');
    rest = bodyBytes.subarray(length).toString('latin1');
    out.push({ status, headers, body });
  }
  return out;
}
