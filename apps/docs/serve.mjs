// A tiny static server for the built docs site (apps/docs/dist): what `pnpm start` runs on
// 127.0.0.1:8080 and what the browser tests load. GET/HEAD only, no directory listings, nothing
// outside `root`, a content type for every file the build writes, and an HTML 404 page. With
// `mocks`, it also forwards the try-it console's requests, `/try/<api>/...`, to the local mocks
// (see try-proxy.mjs), so the console calls them from the same origin.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTryProxy } from './try-proxy.mjs';

/** The build's output folder. */
export const DEFAULT_ROOT = fileURLToPath(new URL('./dist/', import.meta.url));

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.yml': 'application/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not found · scanapis API docs</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2328}
a{color:#0b5cad}</style></head>
<body><h1>404 — not found</h1><p>There is no page at this address.</p>
<p><a href="/">Back to the API index</a></p></body></html>
`;

/**
 * @param {import('node:http').ServerResponse} res @param {number} status @param {string} body
 * @param {Record<string, string>} [headers]
 */
function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/**
 * Maps a request path to a file under `root`, or `undefined` when it is not a servable file.
 * @param {string} root @param {string} rawPath
 * @returns {Promise<{ file: string, size: number } | undefined>}
 */
async function resolveFile(root, rawPath) {
  let pathname;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  let file = resolve(root, `.${pathname.startsWith('/') ? pathname : `/${pathname}`}`);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = resolve(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  } else if (!info && extname(file) === '') {
    // `/gecko` → `gecko.html`, so the short form of an API page address works too.
    file = `${file}.html`;
    info = await stat(file).catch(() => undefined);
  }
  return info?.isFile() ? { file, size: info.size } : undefined;
}

/**
 * Serves the built docs site. Resolves once the server answers an HTTP request.
 * @param {{ port?: number, host?: string, root?: string, mocks?: Record<string, string> }} [options]
 *   `port: 0` picks a free port. `mocks` maps an API (`gecko`, `hss`, `container-registry`) to the
 *   URL of its running mock; the try-it console's `/try/<api>/...` requests go there.
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function serveDocs({ port = 8080, host = '127.0.0.1', root = DEFAULT_ROOT, mocks = {} } = {}) {
  const base = resolve(root);
  const index = await stat(resolve(base, 'index.html')).catch(() => undefined);
  if (!index?.isFile()) {
    throw new Error(`no docs site in ${base}: run \`pnpm --filter @scanapis/docs build\` first`);
  }
  const tryProxy = createTryProxy(mocks);

  const server = createServer(async (req, res) => {
    try {
      if (tryProxy.handles(req)) {
        await tryProxy.handle(req, res);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'Method not allowed\n', { allow: 'GET, HEAD', 'content-type': 'text/plain' });
        return;
      }
      const { pathname } = new URL(req.url ?? '/', 'http://docs.invalid');
      const found = await resolveFile(base, pathname);
      if (!found) {
        send(res, 404, NOT_FOUND_PAGE);
        return;
      }
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': found.size,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(found.file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      if (!res.headersSent) send(res, 500, 'Internal error\n', { 'content-type': 'text/plain' });
      else res.destroy();
    }
  });

  await /** @type {Promise<void>} */ (
    new Promise((resolveListen, rejectListen) => {
      server.once('error', rejectListen);
      server.listen(port, host, () => {
        server.off('error', rejectListen);
        resolveListen();
      });
    })
  );

  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${urlHost}:${boundPort}`;

  /** @returns {Promise<void>} */
  const close = () =>
    new Promise((resolveClose) => {
      server.close(() => resolveClose());
      server.closeAllConnections();
      tryProxy.close();
    });

  try {
    const answer = await fetch(`${url}/`, { method: 'HEAD' });
    if (answer.status !== 200) throw new Error(`GET / answered ${answer.status}`);
  } catch (error) {
    await close();
    throw new Error(
      `docs server on ${url} does not answer: ${error instanceof Error ? error.message : error}`,
    );
  }

  return { url, port: boundPort, close };
}
