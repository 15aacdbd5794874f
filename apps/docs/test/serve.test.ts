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
