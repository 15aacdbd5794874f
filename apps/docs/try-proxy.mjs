// The docs server's half of the try-it console: `/try/<api>/<path>` is forwarded to that API's
// local mock, so the console's requests are same-origin (no CORS) and never leave the machine;
// `/try/` says which mocks are configured and whether each answers. Only GET and HEAD (every
// documented operation is a GET); the answer comes back as the mock sent it.
import { Agent, request } from 'node:http';

/** How long the console waits for a mock before answering 504. */
export const TRY_TIMEOUT_MS = 10_000;
/**
 * How long `/try/` waits for a mock to answer before calling it not running. A stopped mock
 * refuses the connection at once; a running one on a busy machine may take over a second.
 */
export const PROBE_TIMEOUT_MS = 3_000;

/** Request headers never forwarded: hop-by-hop, the browser's own, and anything about the docs origin. */
const DROPPED_REQUEST_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'cookie',
  'origin',
  'referer',
]);
/** Response headers not passed back: hop-by-hop only. */
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'trailer',
  'upgrade',
]);

/**
 * @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body
 */
function sendJson(res, status, body) {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Marks answers of the docs server itself, so the console can tell them from a mock's.
    'docs-proxy': 'error',
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** @param {string} api @param {string} raw @returns {URL} */
function mockUrl(api, raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`serveDocs: mocks.${api} is not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:')
    throw new Error(`serveDocs: mocks.${api} must be an http:// URL, got ${url.protocol}`);
  return url;
}

/**
 * @param {Record<string, string>} mocks API → mock URL (`http://127.0.0.1:4012`).
 */
export function createTryProxy(mocks) {
  /** @type {Map<string, URL>} */
  const targets = new Map(Object.entries(mocks ?? {}).map(([api, raw]) => [api, mockUrl(api, raw)]));
  // Own keep-alive agent, destroyed on close, so closing the docs server frees every socket.
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });

  /** Any HTTP answer (even a 401 or 404) means the mock runs. @param {URL} target */
  function probe(target) {
    return new Promise((resolveProbe) => {
      const req = request(target, { method: 'HEAD', agent, timeout: PROBE_TIMEOUT_MS }, (res) => {
        res.resume();
        resolveProbe(true);
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolveProbe(false));
      req.end();
    });
  }

  /** @param {import('node:http').IncomingMessage} req */
  function handles(req) {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    return path === '/try' || path.startsWith('/try/');
  }

  /**
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'The try-it console sends GET requests only.' });
      return;
    }
    const incoming = new URL(req.url ?? '/', 'http://docs.invalid');
    const [, , api = '', ...rest] = incoming.pathname.split('/');
    if (api === '') {
      const entries = await Promise.all(
        [...targets].map(async ([name, target]) => [
          name,
          { url: target.href.replace(/\/$/, ''), running: await probe(target) },
        ]),
      );
      sendJson(res, 200, { mocks: Object.fromEntries(entries) });
      return;
    }
    const target = targets.get(api);
    if (!target) {
      sendJson(res, 404, {
        error: `The docs server has no ${api} mock to send this to: start the docs with \`pnpm start\`, which runs the mocks next to them.`,
      });
      return;
    }
    const url = new URL(target.href);
    url.pathname = `${url.pathname.replace(/\/$/, '')}/${rest.join('/')}`;
    url.search = incoming.search;

    /** @type {Record<string, string | string[]>} */
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || DROPPED_REQUEST_HEADERS.has(name) || name.startsWith('sec-')) continue;
      headers[name] = value;
    }
    headers.host = url.host;

    await new Promise((resolveForward) => {
      const forward = request(
        url,
        { method: req.method, headers, agent, timeout: TRY_TIMEOUT_MS },
        (answer) => {
          /** @type {Record<string, string | string[]>} */
          const back = {};
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined && !DROPPED_RESPONSE_HEADERS.has(name)) back[name] = value;
          }
          back['cache-control'] = 'no-store';
          res.writeHead(answer.statusCode ?? 502, back);
          answer.pipe(res);
          answer.on('end', resolveForward);
          answer.on('error', () => {
            res.destroy();
            resolveForward(undefined);
          });
        },
      );
      forward.on('timeout', () => forward.destroy(new Error('timeout')));
      forward.on('error', (/** @type {Error} */ error) => {
        if (!res.headersSent) {
          const timedOut = error.message === 'timeout';
          sendJson(res, timedOut ? 504 : 502, {
            error: timedOut
              ? `The local ${api} mock at ${target.origin} did not answer within ${TRY_TIMEOUT_MS / 1000} s.`
              : `The local ${api} mock at ${target.origin} is not running: start it with \`pnpm start\`.`,
          });
        } else res.destroy();
        resolveForward(undefined);
      });
      forward.end();
    });
  }

  return { handles, handle, close: () => agent.destroy() };
}
