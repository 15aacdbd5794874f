import {
  checkResponse,
  compileSchema,
  createAjv,
  describeError,
  type JsonObject,
  listOperations,
  loadSpec,
  type Operation,
} from '@scanapis/spec-tools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselineRequest } from './cases.js';
import { fillPath } from './http.js';
import { parseRawAnswers, type RawAnswer, rawExchange } from './raw.js';

/**
 * What is wrong with an answer as the vendor would send it (empty when nothing): a declared
 * status conforms to the spec; any other status carries the API's error body (the schema of the
 * operation's 400); every answer carries the API's common headers; a bodyless status (1xx, 204,
 * 304) has no body, `content-length` or `content-type`.
 */
export function answerProblems(
  operation: Operation,
  answer: RawAnswer,
  options: {
    commonHeaders?: string[];
    ajv?: ReturnType<typeof createAjv>;
    /** The answer is to HEAD: its headers are checked, it has no body. */
    head?: boolean;
  } = {},
): string[] {
  const ajv = options.ajv ?? createAjv();
  const problems: string[] = [];
  for (const name of options.commonHeaders ?? []) {
    if (!answer.headers[name]) problems.push(`no ${name} header`);
  }
  const bodyless = (answer.status >= 100 && answer.status < 200) || [204, 205, 304].includes(answer.status);
  if (bodyless) {
    for (const name of ['content-length', 'content-type', 'transfer-encoding']) {
      // 205 may say `content-length: 0` (RFC 9110 §15.3.6), nothing else.
      const allowed = answer.status === 205 && name === 'content-length' && answer.headers[name] === '0';
      if (name in answer.headers && !allowed) problems.push(`a ${answer.status} with ${name}`);
    }
    if (answer.body) problems.push(`a ${answer.status} with a body`);
    return problems;
  }
  if (!(answer.headers['content-type'] ?? '').startsWith('application/json'))
    return [
      ...problems,
      `content-type ${answer.headers['content-type']} (want application/json): ${answer.body.slice(0, 100)}`,
    ];
  if (options.head) return answer.body ? [...problems, 'an answer to HEAD with a body'] : problems;
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return [...problems, `a body that is not JSON: ${answer.body.slice(0, 100)}`];
  }
  if (operation.responses[String(answer.status)]) {
    return [
      ...problems,
      ...checkResponse(ajv, operation, {
        status: answer.status,
        headers: answer.headers,
        body,
        contentType: answer.headers['content-type'] ?? null,
      }),
    ];
  }
  const schema = operation.responses['400']?.content?.['application/json']?.schema as JsonObject | undefined;
  if (!schema) return [...problems, `${operation.operationId} declares no 400 body to compare with`];
  const validate = compileSchema(ajv, schema);
  if (!validate(body)) {
    for (const e of validate.errors ?? [])
      problems.push(`${answer.status} body${e.instancePath} ${describeError(e)}`);
  }
  return problems;
}

export interface EdgeSuiteOptions {
  /** The bundled spec: `specs/<api>/dist/openapi.json`. */
  specFile: string;
  /** Starts a mock of this API for the suite (short timeouts so the 408 comes quickly). */
  start(options: {
    timeouts: { headersMs: number; requestMs: number };
    strict?: boolean;
  }): Promise<{ url: string; close(graceMs?: number): Promise<void> }>;
  /** Headers that authenticate a request. */
  auth: Record<string, string>;
  /** Headers the API puts on every answer (`x-request-id`). */
  commonHeaders?: string[];
}

const HEADERS_MS = 300;

/**
 * The raw-socket table every API runs: each request node:http would answer by itself (or by
 * closing the socket), each bad fault header and each bodyless status gets an answer in the
 * vendor's format with the API's common headers; a pipelined valid request is answered before the
 * bad one after it; strict mode and its warning header; a graceful close.
 */
export function edgeSuite(options: EdgeSuiteOptions): void {
  const operation = listOperations(loadSpec(options.specFile))[0]!;
  const ajv = createAjv();
  const base = baselineRequest(operation);
  const query = new URLSearchParams(base.query as Record<string, string>).toString();
  const path = `${fillPath(operation.path, base.pathParams)}${query ? `?${query}` : ''}`;
  const auth = Object.entries({ ...options.auth, ...base.headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const get = (extra = '', target = path, version = '1.1') =>
    `GET ${target} HTTP/${version}\r\n${version === '1.1' ? 'Host: 127.0.0.1\r\n' : ''}${auth}${extra}\r\n`;
  let mock: { url: string; close(graceMs?: number): Promise<void> };
  let strictMock: { url: string; close(graceMs?: number): Promise<void> };
  let methodStatus = 0;
  beforeAll(async () => {
    mock = await options.start({ timeouts: { headersMs: HEADERS_MS, requestMs: 2 * HEADERS_MS } });
    strictMock = await options.start({
      timeouts: { headersMs: HEADERS_MS, requestMs: 2 * HEADERS_MS },
      strict: true,
    });
    // What this vendor answers a method its path does not take: CONNECT and unknown methods get the same.
    const { text } = await rawExchange(
      mock.url,
      `DELETE ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}Connection: close\r\n\r\n`,
    );
    methodStatus = parseRawAnswers(text)[0]!.status;
  });
  afterAll(async () => {
    await mock?.close();
    await strictMock?.close();
  });

  const expectInCharacter = (answers: RawAnswer[]) => {
    for (const a of answers)
      expect(
        answerProblems(operation, a, { commonHeaders: options.commonHeaders, ajv }),
        JSON.stringify(a).slice(0, 400),
      ).toEqual([]);
  };

  type Row = {
    given: string | string[];
    want: number[] | 'method';
    pauseMs?: number;
    strict?: boolean;
    /** Half-close the connection after sending. */
    end?: boolean;
    /** The request is a HEAD: its answer has no body. */
    head?: boolean;
  };
  const rows: Array<[string, Row]> = [
    ['a valid request', { given: get('Connection: close\r\n'), want: [200] }],
    [
      'an absolute-form target',
      { given: get('Connection: close\r\n', `http://127.0.0.1${path}`), want: [200] },
    ],
    ['HTTP/1.0 without Host', { given: get('', path, '1.0'), want: [200] }],
    [
      'an unparseable absolute-form target (http://[/)',
      { given: get('Connection: close\r\n', 'http://[/'), want: [400] },
    ],
    [
      'HTTP/1.1 without Host',
      { given: `GET ${path} HTTP/1.1\r\n${auth}Connection: close\r\n\r\n`, want: [400] },
    ],
    ['Expect: 200-ok', { given: get('Expect: 200-ok\r\n'), want: [417] }],
    [
      'Expect: 100-continue: the final answer, no bare interim 100',
      { given: get('Expect: 100-continue\r\nConnection: close\r\n'), want: [200] },
    ],
    [
      'CONNECT',
      { given: 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', want: 'method' },
    ],
    ['an unknown method', { given: `FROB ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, want: 'method' }],
    [
      'bytes that are not HTTP (a TLS hello)',
      { given: '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n', want: [400] },
    ],
    ['a space in a header name', { given: get('Bad Header: 1\r\n'), want: [400] }],
    [
      'two different Content-Length headers',
      { given: get('Content-Length: 1\r\nContent-Length: 2\r\n'), want: [400] },
    ],
    [
      'a broken chunked body (the request was read: its answer, then the error)',
      { given: `${get('Transfer-Encoding: chunked\r\n')}zz\r\n\r\n`, want: [200, 400] },
    ],
    ['headers over 256 KiB (431)', { given: get(`X-Big: ${'a'.repeat(300_000)}\r\n`), want: [431] }],
    ['headers that never end (408)', { given: `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n`, want: [408] }],
    [
      'headers trickled slower than the timeout (408)',
      {
        given: [`GET ${path} HTTP/1.1\r\n`, 'Host: 127.0.0.1\r\n', 'X-Slow: 1\r\n', 'X-Slow: 2\r\n'],
        pauseMs: 150,
        want: [408],
      },
    ],
    [
      'a valid request, then garbage on the same connection',
      { given: `${get()}GARBAGE\r\n\r\n`, want: [200, 400] },
    ],
    [
      'two valid requests, then an unknown method',
      { given: `${get() + get()}FROB / HTTP/1.1\r\n\r\n`, want: [200, 200, 'method' as never] },
    ],
    [
      'a malformed x-scanapis-fault',
      { given: get('x-scanapis-fault: status=abc\r\nConnection: close\r\n'), want: [400] },
    ],
    [
      'an out-of-range x-scanapis-fault',
      { given: get('x-scanapis-fault: status=999\r\nConnection: close\r\n'), want: [400] },
    ],
    [
      'x-scanapis-fault: status=204 (bodyless)',
      { given: get('x-scanapis-fault: status=204\r\nConnection: close\r\n'), want: [204] },
    ],
    [
      'x-scanapis-fault: status=205, then a valid request on the same connection',
      { given: get('x-scanapis-fault: status=205\r\n') + get('Connection: close\r\n'), want: [205, 200] },
    ],
    [
      'HEAD: the answer, without a body',
      {
        given: `HEAD ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}Connection: close\r\n\r\n`,
        want: 'method',
        head: true,
      },
    ],
    [
      'x-scanapis-fault: status=304 (bodyless)',
      { given: get('x-scanapis-fault: status=304\r\nConnection: close\r\n'), want: [304] },
    ],
    [
      'x-scanapis-fault: status=503 (a status the spec may not declare)',
      { given: get('x-scanapis-fault: status=503\r\nConnection: close\r\n'), want: [503] },
    ],
    [
      'x-scanapis-fault: status=408',
      { given: get('x-scanapis-fault: status=408\r\nConnection: close\r\n'), want: [408] },
    ],
    [
      'strict: an unknown query parameter (400)',
      {
        given: get('Connection: close\r\n', `${path}${query ? '&' : '?'}limti=1`),
        want: [400],
        strict: true,
      },
    ],
  ];

  describe(`${operation.operationId}: every edge answered in the vendor's format, with its common headers`, () => {
    it.each(rows)('%s', async (_, { given, want, pauseMs, strict, end, head }) => {
      const url = strict ? strictMock.url : mock.url;
      const { text } = await rawExchange(url, given, {
        timeoutMs: 4_000,
        idleMs: 1_500,
        ...(pauseMs ? { pauseMs } : {}),
        ...(end ? { end } : {}),
      });
      const answers = parseRawAnswers(text, { head: head === true });
      const statuses =
        want === 'method'
          ? [methodStatus]
          : want.map((w) => ((w as unknown) === 'method' ? methodStatus : w));
      expect(
        answers.map((a) => a.status),
        text.slice(0, 400),
      ).toEqual(statuses);
      for (const a of answers)
        expect(
          answerProblems(operation, a, { commonHeaders: options.commonHeaders, ajv, head: head === true }),
        ).toEqual([]);
    });

    it('strict: the 400 names the parameter and lists the ones the operation takes', async () => {
      const { text } = await rawExchange(
        strictMock.url,
        get('Connection: close\r\n', `${path}${query ? '&' : '?'}limti=1`),
      );
      const [answer] = parseRawAnswers(text);
      expect(answer!.body).toContain('limti');
      for (const p of operation.parameters.filter((p) => p.in === 'query'))
        expect(answer!.body).toContain(p.name);
    });

    it('not strict: the vendor answer, plus x-scanapis-warning naming each unknown parameter', async () => {
      const { text } = await rawExchange(
        mock.url,
        get('Connection: close\r\n', `${path}${query ? '&' : '?'}limti=1&offest=2`),
      );
      const [answer] = parseRawAnswers(text);
      expect(answer!.status).toBe(200);
      expect(answer!.headers['x-scanapis-warning']).toMatch(/"limti".*"offest"/);
      expectInCharacter([answer!]);
    });

    it('a non-ASCII unknown parameter name still gives a valid header', async () => {
      const { text } = await rawExchange(
        mock.url,
        get('Connection: close\r\n', `${path}${query ? '&' : '?'}%C3%BCber=1`),
      );
      const [answer] = parseRawAnswers(text);
      expect(answer!.status).toBe(200);
      expect(answer!.headers['x-scanapis-warning']).toContain('%C3%BCber');
    });
  });

  describe(`${operation.operationId}: time-based headers of a faulted answer are computed when it is sent`, () => {
    const timed = Object.entries(operation.responses).flatMap(([status, r]) =>
      Object.entries(r.headers ?? {})
        .filter(([, h]) => h.schema?.format === 'date-time')
        .map(([name]) => [status, name] as const),
    );
    it.each(timed.length ? timed : [['none', 'none'] as const])('%s %s', async (status, name) => {
      if (status === 'none') return expect(timed).toEqual([]);
      const before = Date.now();
      const { text } = await rawExchange(
        mock.url,
        get(`x-scanapis-fault: status=${status}\r\nConnection: close\r\n`),
      );
      const [answer] = parseRawAnswers(text);
      expect(answer!.status).toBe(Number(status));
      expectInCharacter([answer!]);
      const at = Date.parse(answer!.headers[name.toLowerCase()] ?? '');
      expect(at, `${name}: ${answer!.headers[name.toLowerCase()]}`).toBeGreaterThanOrEqual(before - 1_000);
      const retry = answer!.headers['retry-after'];
      if (retry !== undefined) expect(Math.abs(at - (before + Number(retry) * 1000))).toBeLessThan(2_000);
    });
  });

  describe('close(): requests in flight are answered, delayed faults cut short, then nothing listens', () => {
    it('five delayed requests in flight all get their answer', async () => {
      const own = await options.start({ timeouts: { headersMs: HEADERS_MS, requestMs: 2 * HEADERS_MS } });
      const inFlight = Array.from({ length: 5 }, () =>
        rawExchange(own.url, get('x-scanapis-fault: delay=30000\r\nConnection: close\r\n'), {
          timeoutMs: 5_000,
        }),
      );
      await new Promise((r) => setTimeout(r, 200));
      const started = Date.now();
      // A 10 s grace: were the delayed faults not cut short, close() would take all of it.
      await own.close(10_000);
      expect(Date.now() - started).toBeLessThan(5_000);
      for (const { text } of await Promise.all(inFlight)) {
        const answers = parseRawAnswers(text);
        expect(answers.map((a) => a.status)).toEqual([200]);
        expectInCharacter(answers);
      }
      const after = await rawExchange(own.url, get(), { timeoutMs: 1_000 });
      expect(after).toEqual({ text: '', closed: true });
    });
  });
}

export interface StaticModeSuiteOptions {
  specFile: string;
  /** Where the static mock listens. */
  baseUrl: () => string;
  /** A well-formed credential the mock was never told about (Prism accepts any). */
  wellFormedAuth: Record<string, string>;
  /** A credential the static mock knows (for the Prefer cases). */
  auth: Record<string, string>;
  commonHeaders?: string[];
}

/**
 * What every static mock does alike: any well-formed credential is accepted (as Prism accepts
 * any); a `Prefer` asking for a status the operation does not declare, or an example its answer
 * does not have, is the vendor's 400 saying what is declared (never a 500).
 */
export function staticModeSuite(options: StaticModeSuiteOptions): void {
  const operations = listOperations(loadSpec(options.specFile));
  const ajv = createAjv();
  for (const operation of operations) {
    const base = baselineRequest(operation);
    const query = new URLSearchParams(base.query as Record<string, string>).toString();
    const path = `${fillPath(operation.path, base.pathParams)}${query ? `?${query}` : ''}`;
    const request = (headers: Record<string, string>) =>
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries({ ...base.headers, ...headers })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}Connection: close\r\n\r\n`;
    const declared = Object.keys(operation.responses).filter((s) => /^\d{3}$/.test(s));
    describe(`${operation.operationId} (static): credentials and Prefer`, () => {
      it.each([
        [
          'a well-formed credential the mock was never told about',
          { headers: options.wellFormedAuth, want: 200, says: [] as string[] },
        ],
        [
          'Prefer: code=418, a status it does not declare',
          { headers: { ...options.auth, Prefer: 'code=418' }, want: 400, says: ['418', ...declared] },
        ],
        [
          'Prefer: code=abc, no status at all',
          { headers: { ...options.auth, Prefer: 'code=abc' }, want: 400, says: ['abc', ...declared] },
        ],
        [
          'Prefer: example=no-such-example',
          {
            headers: { ...options.auth, Prefer: 'example=no-such-example' },
            want: 400,
            says: ['no-such-example'],
          },
        ],
      ])('%s', async (_, { headers, want, says }) => {
        const { text } = await rawExchange(options.baseUrl(), request(headers));
        const answers = parseRawAnswers(text);
        expect(
          answers.map((a) => a.status),
          text.slice(0, 300),
        ).toEqual([want]);
        expect(answerProblems(operation, answers[0]!, { commonHeaders: options.commonHeaders, ajv })).toEqual(
          [],
        );
        for (const word of says) expect(answers[0]!.body).toContain(word);
      });
    });
  }
}
