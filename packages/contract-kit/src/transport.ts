import { loadSpec } from '@scanapis/spec-tools';
import { afterAll, inject } from 'vitest';
import { runMockSize } from './mock-size.js';

/**
 * The transports a mock is tested through: its node:http server, its in-process fetch
 * (`createMockFetch`) and its MSW handlers (`createHandlers` under `setupServer`). The same test
 * files run once per transport (a vitest project each, see vitest.shared.ts); a file reaches the
 * mock under test through `mockUrl()`, `startMockTarget()` and contract-kit's `call`/`send`,
 * never through a transport of its own.
 */
export type TransportName = 'server' | 'fetch' | 'msw';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The transport this vitest project tests the mock through (default: the server). */
    transport: TransportName;
  }
}

/** What a mock package hands the suites: its three ways to make a mock, and the run's options. */
export interface MockFactories<O extends object> {
  specFile: string;
  /** Options of the mock every file shares on this transport (e.g. a rate limit no run reaches). */
  runOptions?: O;
  startMock(options: O & { port?: number; host?: string }): Promise<{ url: string; close(): Promise<void> }>;
  createMockFetch(options: O & { baseUrl?: string; productionBaseUrls?: boolean }): {
    fetch: typeof globalThis.fetch;
  };
  /** The `/msw` entry's `createHandlers`, loaded only by the MSW project. */
  loadHandlers(): Promise<(options: O & { baseUrl?: string; productionBaseUrls?: boolean }) => unknown[]>;
}

/**
 * A mock a test started for itself: where to send requests, and how to let it go; plus what the
 * mock package's result carries on every transport (e.g. `dataset`).
 */
export interface MockTarget {
  url: string;
  close(): Promise<void>;
}

/** The named (non-index) fields of a transport's result: an MSW handler array's `dataset`, say. */
const fieldsOf = (value: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([k]) => !/^\d+$/.test(k)));

interface Installed {
  name: TransportName;
  url: string;
  start(options: object): Promise<MockTarget>;
}

let installed: Installed | undefined;
/** In-process origins → the fetch that answers them (the MSW ones: the patched global fetch). */
const routes = new Map<string, typeof globalThis.fetch>();
let targets = 0;

/** The transport of this vitest project (`provide: { transport }`), the server by default. */
export function transportName(): TransportName {
  return (inject('transport') as TransportName | undefined) ?? 'server';
}

/** The spec's first server with its variables' defaults: the production base URL clients use. */
function productionUrl(specFile: string): string {
  const server = loadSpec(specFile).servers?.[0];
  if (!server) throw new Error(`${specFile} declares no servers`);
  return server.url
    .replace(/\{(\w+)\}/g, (_, name: string) => server.variables?.[name]?.default ?? name)
    .replace(/\/+$/, '');
}

/**
 * Called from a setup file (once per test file): makes this file's mock on the project's transport.
 * - server: the run-wide server the globalSetup started (`inject('mockUrl')`);
 * - fetch: `createMockFetch(runOptions)` on the production base URL, new for this file;
 * - msw: `setupServer(...createHandlers(runOptions))` with `onUnhandledRequest: 'error'`, so no
 *   request leaves the process; the production base URL, new for this file.
 */
export async function installTransport<O extends object>(factories: MockFactories<O>): Promise<void> {
  const name = transportName();
  // The mock every file shares serves the run's dataset size on every transport, as the server does.
  const size = runMockSize();
  const run = { ...factories.runOptions, ...(size !== undefined ? { size } : {}) } as O;
  // A live run (SCANAPIS_TARGET=live) sends to the vendor; run it with `--project server`.
  if (name === 'server' || process.env.SCANAPIS_TARGET === 'live') {
    installed = {
      name,
      url: inject('mockUrl') ?? 'http://127.0.0.1:1',
      start: (options) => factories.startMock({ ...(options as O), port: 0, host: '127.0.0.1' }),
    };
    return;
  }
  const production = productionUrl(factories.specFile);
  const origin = (url: string) => new URL(url).origin;
  const nextOrigin = () => {
    targets += 1;
    return `http://mock-${targets}.test`;
  };
  if (name === 'fetch') {
    routes.set(origin(production), factories.createMockFetch(run).fetch);
    installed = {
      name,
      url: production,
      async start(options) {
        const url = nextOrigin();
        const mock = factories.createMockFetch({
          ...(options as O),
          baseUrl: url,
          productionBaseUrls: false,
        });
        routes.set(url, mock.fetch);
        return { ...fieldsOf(mock), url, close: async () => void routes.delete(url) };
      },
    };
    return;
  }
  const [createHandlers, { setupServer }] = await Promise.all([factories.loadHandlers(), import('msw/node')]);
  const server = setupServer(...(createHandlers(run) as Parameters<typeof setupServer>));
  server.listen({ onUnhandledRequest: 'error' });
  afterAll(() => server.close());
  const patched: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);
  routes.set(origin(production), patched);
  installed = {
    name,
    url: production,
    async start(options) {
      const url = nextOrigin();
      const handlers = createHandlers({ ...(options as O), baseUrl: url, productionBaseUrls: false });
      server.use(...(handlers as Parameters<typeof server.use>));
      routes.set(url, patched);
      return { ...fieldsOf(handlers), url, close: async () => void routes.delete(url) };
    },
  };
}

function current(): Installed {
  if (!installed)
    throw new Error('no transport installed: add the package’s test/transport.ts to setupFiles');
  return installed;
}

/** The base URL of this file's mock on the project's transport. */
export function mockUrl(): string {
  return current().url;
}

/** A mock of the test's own (its own options and state) on the project's transport. */
export function startMockTarget<T extends object = object>(options: object = {}): Promise<MockTarget & T> {
  return current().start(options) as Promise<MockTarget & T>;
}

/** The in-process fetch answering `url`, if this transport answers it without a socket. */
export function inProcessFetch(url: URL): typeof globalThis.fetch | undefined {
  return routes.get(url.origin);
}
