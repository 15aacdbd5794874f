// Every code sample the reference pages show (x-codeSamples, from snippets/samples/) runs against
// its mock, as a reader would paste it — only the base-URL variable changes, to a recording proxy
// in front of the mock on a free port. Each request a sample sends must answer 200 with a body and
// headers valid against the operation's 200 response in the spec (ajv, @scanapis/spec-tools), the
// curl sample must print that body, and every sample of an operation starts with the same request.
import { execFile } from 'node:child_process';
import { createServer, request } from 'node:http';
import { promisify } from 'node:util';
import {
  checkResponse,
  createAjv,
  listOperations,
  loadSpec as loadToolsSpec,
  matchOperation,
} from '@scanapis/spec-tools';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { codeSamples, SAMPLE_KINDS, samplesOf } from '../src/samples.mjs';
import { loadSpec, operations, specApis, specFile } from '../src/spec.mjs';

const run = promisify(execFile);

/** The environment variable each API's samples read their base URL from. */
const BASE_URL_ENV: Record<string, string> = {
  gecko: 'GECKO_BASE_URL',
  'container-registry': 'CONTAINER_REGISTRY_BASE_URL',
  hss: 'HSS_BASE_URL',
};

interface Recorded {
  method: string;
  path: string;
  query: string[];
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A proxy in front of a mock that records every exchange (the Host header passes unchanged, so AK/SK signatures hold). */
async function recordingProxy(target: string) {
  const exchanges: Recorded[] = [];
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const url = new URL(req.url ?? '/', 'http://x');
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
          exchanges.push({
            method: req.method ?? 'GET',
            path: url.pathname,
            query: [...url.searchParams].map(([k, v]) => `${k}=${v}`).sort(),
            status: answer.statusCode ?? 0,
            headers: answer.headers,
            body,
          });
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(text);
        });
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

it('every operation of every spec has a curl and a TypeScript sample, shown as x-codeSamples', () => {
  for (const api of specApis()) {
    for (const op of operations(loadSpec(api))) {
      const labels = codeSamples(api, op.operationId).map((s) => s.label);
      expect(labels, `${api} ${op.operationId}`).toEqual(expect.arrayContaining(['curl', 'TypeScript']));
    }
  }
  // HSS also signs requests with an access key pair.
  expect(codeSamples('hss', 'ListRegistryImages').map((s) => s.label)).toContain('AK/SK signing');
  expect(SAMPLE_KINDS.map((k) => k.kind)).toEqual(['curl', 'typescript', 'aksk']);
});

describe.each(specApis())('%s samples', (api) => {
  const ajv = createAjv();
  const toolsSpec = loadToolsSpec(specFile(api));
  const ops = listOperations(toolsSpec);
  let mock: { url: string; close(): Promise<void> };
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;

  beforeAll(async () => {
    const { startMock } = (await import(`@scanapis/${api}-mock`)) as {
      startMock(options: { port: number }): Promise<{ url: string; close(): Promise<void> }>;
    };
    mock = await startMock({ port: 0 });
    proxy = await recordingProxy(mock.url);
  });

  afterAll(async () => {
    await proxy?.close();
    await mock?.close();
  });

  const cases = operations(loadSpec(api)).flatMap((op) =>
    samplesOf(api, op.operationId).map(
      (sample) => [`${op.operationId} ${sample.label}`, { op, sample }] as const,
    ),
  );

  /** The first request of each operation's first sample: every other sample must start the same way. */
  const firstRequest = new Map<string, Pick<Recorded, 'method' | 'path' | 'query'>>();

  it.each(cases)(
    '%s answers 200, valid against the spec',
    async (_name, { op, sample }) => {
      const before = proxy.exchanges.length;
      const env = BASE_URL_ENV[api];
      if (!env) throw new Error(`${api}: no base-URL variable known for its samples`);
      let stdout = '';
      if (sample.run === 'bash') {
        const result = await run('bash', [sample.path], {
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin', [env]: proxy.url },
          timeout: 15_000,
        });
        stdout = result.stdout;
      } else {
        vi.spyOn(console, 'log').mockImplementation(() => {});
        vi.stubEnv(env, proxy.url);
        await import(/* @vite-ignore */ sample.path);
      }
      const sent = proxy.exchanges.slice(before);
      expect(sent.length, 'requests the sample sent').toBeGreaterThan(0);
      for (const exchange of sent) {
        const found = matchOperation(ops, exchange.method, exchange.path);
        expect(found && 'operation' in found ? found.operation.operationId : found).toBe(op.operationId);
        expect(exchange.status, JSON.stringify(exchange.body).slice(0, 300)).toBe(200);
        const operation = (found as { operation: (typeof ops)[number] }).operation;
        const problems = checkResponse(ajv, operation, {
          status: exchange.status,
          headers: exchange.headers,
          body: exchange.body,
        });
        expect(problems, `${exchange.path}?${exchange.query.join('&')}`).toEqual([]);
      }
      const first = sent[0]!;
      if (sample.run === 'bash') expect(JSON.parse(stdout)).toEqual(first.body);
      const request = { method: first.method, path: first.path, query: first.query };
      const earlier = firstRequest.get(op.operationId);
      if (earlier) expect(request, 'the same request as the other samples').toEqual(earlier);
      else firstRequest.set(op.operationId, request);
    },
    30_000,
  );
});
