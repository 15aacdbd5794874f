import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dialect, type RunningMock, startMockServer } from '../src/index.js';

const specFile = fileURLToPath(new URL('../../spec-tools/test/fixtures/tiny.json', import.meta.url));
const dialect: Dialect = {
  authenticate: (req) =>
    req.headers['x-key'] === 'ok' ? undefined : { status: 401, body: { hook: 'auth' } },
  badRequest: () => ({ status: 400, body: { hook: 'badRequest' } }),
  notFound: () => ({ status: 404, body: { hook: 'notFound' } }),
  methodNotAllowed: () => ({ status: 405, body: { hook: 'methodNotAllowed' } }),
  internalError: () => ({ status: 500, body: { hook: 'internalError' } }),
};

let mock: RunningMock;
let resets = 0;
beforeAll(async () => {
  mock = await startMockServer({
    specFile,
    dialect,
    handler: () => ({ status: 200, headers: { 'x-count': '0' }, body: { items: [] } }),
    onReset: () => {
      resets += 1;
    },
  });
});
afterAll(() => mock.close());
beforeEach(() => mock.faults.clear());

const JSON_TYPE = { 'content-type': 'application/json' };
const control = (path: string, init: RequestInit = {}) => fetch(`${mock.url}/__scanapis/${path}`, init);
const arm = (fault: object, headers: Record<string, string> = {}) =>
  control('faults', { method: 'POST', headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(fault) });
const get = (headers: Record<string, string> = {}, path = '/v1/p/things?a=1') =>
  fetch(mock.url + path, { headers: { 'x-key': 'ok', ...headers } });

describe('control requests that change state need Content-Type: application/json', () => {
  it.each([
    [
      'POST /faults as text/plain (a simple cross-site request)',
      { method: 'POST', path: 'faults', type: 'text/plain' },
    ],
    ['POST /faults as a form', { method: 'POST', path: 'faults', type: 'application/x-www-form-urlencoded' }],
    ['POST /faults without a type', { method: 'POST', path: 'faults', type: undefined }],
    ['DELETE /faults as text/plain', { method: 'DELETE', path: 'faults', type: 'text/plain' }],
    ['POST /reset as text/plain', { method: 'POST', path: 'reset', type: 'text/plain' }],
  ])('%s → 415 with a JSON error, nothing changed', async (_, { method, path, type }) => {
    mock.faults.arm({ status: 503 });
    const before = resets;
    const body = JSON.stringify({ status: 500 });
    // A string body would make fetch send text/plain; bytes go without a Content-Type.
    const res = await control(path, {
      method,
      ...(type ? { headers: { 'content-type': type }, body } : { body: new TextEncoder().encode(body) }),
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({
      error: `${method} /__scanapis/${path} needs Content-Type: application/json`,
    });
    expect(mock.faults.list()).toEqual([{ status: 503, count: 1 }]);
    expect(resets).toBe(before);
  });

  it.each([
    ['application/json', 'application/json'],
    ['with a charset', 'application/json; charset=utf-8'],
    ['in capitals', 'Application/JSON'],
  ])('accepted: %s', async (_, type) => {
    const res = await arm({ status: 502 }, { 'content-type': type });
    expect(res.status).toBe(201);
  });

  it('reads need no type: GET /faults and GET /health', async () => {
    expect((await control('faults')).status).toBe(200);
    expect(await (await control('health')).json()).toEqual({ ok: true });
  });

  it('POST /reset with JSON clears the faults and calls onReset', async () => {
    await arm({ status: 503, count: 5 });
    const before = resets;
    const res = await control('reset', { method: 'POST', headers: JSON_TYPE });
    expect(res.status).toBe(200);
    expect(mock.faults.list()).toEqual([]);
    expect(resets).toBe(before + 1);
  });
});

describe('an armed fault is used up only by an answer it replaces', () => {
  it.each([
    ['a 404 for an unknown path', { method: 'GET', path: '/nope' }, 404],
    ['a 405 for a method the path lacks', { method: 'POST', path: '/v1/p/things?a=1' }, 405],
  ])('%s leaves it armed', async (_, given, status) => {
    await arm({ status: 503 });
    const res = await fetch(mock.url + given.path, { method: given.method, headers: { 'x-key': 'ok' } });
    expect(res.status).toBe(status);
    expect(mock.faults.list()).toEqual([{ status: 503, count: 1 }]);
    expect((await get()).status).toBe(503);
    expect((await get()).status).toBe(200);
  });

  it('control requests leave it armed', async () => {
    await arm({ status: 503 });
    await control('faults');
    await control('health');
    await arm({ status: 500, session: 'other' });
    expect((await get()).status).toBe(503);
  });
});

describe('faults armed under a session apply only to requests of that session', () => {
  it.each([
    ['no session header', { session: undefined, want: [200, 200] }],
    ['another session', { session: 'b', want: [200, 200] }],
    ['its session', { session: 'a', want: [503, 200] }],
  ])('%s', async (_, { session, want }) => {
    await arm({ status: 503, session: 'a' });
    const headers: Record<string, string> = session ? { 'x-scanapis-session': session } : {};
    const statuses = [(await get(headers)).status, (await get(headers)).status];
    expect(statuses).toEqual(want);
  });

  it('a fault without a session applies to every request, as before', async () => {
    await arm({ status: 429, count: 2 });
    expect((await get({ 'x-scanapis-session': 'a' })).status).toBe(429);
    expect((await get()).status).toBe(429);
    expect((await get()).status).toBe(200);
  });

  it('a session takes its own fault first in arming order, never another session’s', async () => {
    await arm({ status: 501, session: 'b' });
    await arm({ status: 502, session: 'a' });
    await arm({ status: 503 });
    expect((await get({ 'x-scanapis-session': 'a' })).status).toBe(502);
    expect((await get({ 'x-scanapis-session': 'a' })).status).toBe(503);
    expect((await get({ 'x-scanapis-session': 'a' })).status).toBe(200);
    expect((await get({ 'x-scanapis-session': 'b' })).status).toBe(501);
  });

  it('GET and DELETE with a session header see and clear only what that session would get', async () => {
    await arm({ status: 501, session: 'a' });
    await arm({ status: 502, session: 'b' });
    await arm({ status: 503 });
    const list = async (session?: string) =>
      (await (await control('faults', session ? { headers: { 'x-scanapis-session': session } } : {})).json())
        .faults;
    expect(await list('a')).toEqual([
      { status: 501, count: 1, session: 'a' },
      { status: 503, count: 1 },
    ]);
    expect(await list()).toHaveLength(3);
    const res = await control('faults', {
      method: 'DELETE',
      headers: { ...JSON_TYPE, 'x-scanapis-session': 'a' },
    });
    expect(res.status).toBe(200);
    expect(await list()).toEqual([
      { status: 502, count: 1, session: 'b' },
      { status: 503, count: 1 },
    ]);
  });
});
