// The docs server on its own: content types, 404s, no way out of the root, GET/HEAD only.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDocs } from '../serve.mjs';

let dir: string;
let root: string;
let server: { url: string; port: number; close(): Promise<void> };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scanapis-docs-'));
  root = join(dir, 'site');
  await mkdir(join(root, 'sub'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>index</title>');
  await writeFile(join(root, 'gecko.html'), '<!doctype html><title>gecko</title>');
  await writeFile(join(root, 'gecko.openapi.json'), '{"openapi":"3.1.0"}');
  await writeFile(join(root, 'gecko.openapi.yaml'), 'openapi: 3.1.0\n');
  await writeFile(join(root, 'sub', 'index.html'), 'sub index');
  await writeFile(join(dir, 'secret.txt'), 'outside the root');
  server = await serveDocs({ port: 0, root });
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A raw request, so paths reach the server exactly as written (fetch would normalise `..`). */
function raw(path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveDocs', () => {
  it('binds 127.0.0.1 and reports its URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it.each([
    ['/', 'text/html; charset=utf-8', 'index'],
    ['/index.html', 'text/html; charset=utf-8', 'index'],
    ['/gecko.html', 'text/html; charset=utf-8', 'gecko'],
    ['/gecko', 'text/html; charset=utf-8', 'gecko'],
    ['/gecko.html?x=1#y', 'text/html; charset=utf-8', 'gecko'],
    ['/gecko.openapi.json', 'application/json; charset=utf-8', '"openapi"'],
    ['/gecko.openapi.yaml', 'application/yaml; charset=utf-8', 'openapi: 3.1.0'],
    ['/sub/', 'text/html; charset=utf-8', 'sub index'],
  ])('serves %s as %s', async (path, type, content) => {
    const answer = await raw(path);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe(type);
    expect(answer.body).toContain(content);
  });

  it.each([
    '/missing.html',
    '/../secret.txt',
    '/sub/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00',
    '/%E0%A4%A',
  ])('answers %s with the 404 page', async (path) => {
    const answer = await raw(path);
    expect(answer.status).toBe(404);
    expect(answer.type).toBe('text/html; charset=utf-8');
    expect(answer.body).toContain('404');
    expect(answer.body).not.toContain('outside the root');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await raw('/gecko.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const post = await raw('/gecko.html', 'POST');
    expect(post.status).toBe(405);
  });

  it('refuses to start without a built site', async () => {
    await expect(serveDocs({ port: 0, root: join(dir, 'nowhere') })).rejects.toThrow(/build/);
  });

  it('close() frees the port', async () => {
    const other = await serveDocs({ port: 0, root });
    await other.close();
    await expect(fetch(`${other.url}/`)).rejects.toThrow();
  });
});

describe('serveDocs({ mocks }): the try-it proxy', () => {
  let fake: import('node:http').Server;
  let fakeUrl: string;
  let deadUrl: string;
  let docs: { url: string; port: number; close(): Promise<void> };
  let bare: { url: string; port: number; close(): Promise<void> };

  beforeAll(async () => {
    const { createServer } = await import('node:http');
    // A stand-in mock that answers with what it received.
    fake = createServer((req, res) => {
      const body = JSON.stringify({ method: req.method, url: req.url, headers: req.headers });
      res.writeHead(req.url?.startsWith('/missing') ? 404 : 200, {
        'content-type': 'application/json',
        'x-request-id': 'abc',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    const port = (fake.address() as { port: number }).port;
    fakeUrl = `http://127.0.0.1:${port}`;
    // A port nothing listens on: bind, note it, close.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    deadUrl = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
    await new Promise<void>((r) => closed.close(() => r()));
    docs = await serveDocs({ port: 0, root, mocks: { gecko: fakeUrl, hss: deadUrl } });
    bare = await serveDocs({ port: 0, root });
  });

  afterAll(async () => {
    await docs?.close();
    await bare?.close();
    await new Promise<void>((r) => fake.close(() => r()));
  });

  it('GET /try/ lists the configured mocks and whether each answers', async () => {
    const answer = await fetch(`${docs.url}/try/`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      mocks: { gecko: { url: fakeUrl, running: true }, hss: { url: deadUrl, running: false } },
    });
    expect(await (await fetch(`${bare.url}/try/`)).json()).toEqual({ mocks: {} });
  });

  it('forwards /try/<api>/<path>?<query> to the mock with the credential headers, and sends its answer back', async () => {
    const answer = await fetch(`${docs.url}/try/gecko/api/v1/scans?limit=2&status=a%20b`, {
      headers: { 'X-API-Key': 'gk_test_scans_read', cookie: 'session=1', accept: 'application/json' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-request-id')).toBe('abc');
    expect(answer.headers.get('docs-proxy')).toBeNull();
    const seen = (await answer.json()) as { method: string; url: string; headers: Record<string, string> };
    expect(seen.method).toBe('GET');
    expect(seen.url).toBe('/api/v1/scans?limit=2&status=a%20b');
    expect(seen.headers['x-api-key']).toBe('gk_test_scans_read');
    expect(seen.headers.host).toBe(new URL(fakeUrl).host);
    expect(seen.headers).not.toHaveProperty('cookie');
    const missing = await fetch(`${docs.url}/try/gecko/missing`);
    expect(missing.status, 'a mock 404 passes through').toBe(404);
    expect(missing.headers.get('docs-proxy')).toBeNull();
  });

  it.each([
    [
      'an API without a mock',
      '/try/container-registry/container-registry/v1/scans',
      'GET',
      404,
      /no container-registry mock/,
    ],
    [
      'a mock that is not running',
      '/try/hss/v5/p/image/registries/images',
      'GET',
      502,
      /not running: start it with `pnpm start`/,
    ],
    ['a method other than GET', '/try/gecko/api/v1/scans', 'POST', 405, /GET requests only/],
    ['the server started without mocks', '/try/gecko/api/v1/scans', 'GET', 404, /no gecko mock/],
  ])(
    'answers %s with a readable JSON error from the docs server',
    async (name, path, method, status, message) => {
      const base = name === 'the server started without mocks' ? bare.url : docs.url;
      const answer = await fetch(`${base}${path}`, { method });
      expect(answer.status).toBe(status);
      expect(answer.headers.get('docs-proxy')).toBe('error');
      expect(((await answer.json()) as { error: string }).error).toMatch(message);
    },
  );

  it.each([
    ['not a URL', { gecko: 'nope' }, /mocks.gecko is not a URL/],
    ['not http', { gecko: 'file:///etc/passwd' }, /must be an http:\/\/ URL/],
  ])('refuses a mocks entry that is %s', async (_name, mocks, message) => {
    await expect(serveDocs({ port: 0, root, mocks })).rejects.toThrow(message);
  });
});
