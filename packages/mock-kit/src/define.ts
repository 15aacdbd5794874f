import { type BaseUrls, baseUrlsOf } from './base-urls.js';
import type { Faults } from './faults.js';
import { createPipelineFetch } from './fetch.js';
import type { EdgeTimeouts } from './http-edges.js';
import { createMockPipeline, type MockPipeline } from './pipeline.js';
import { type RunningMock, startMockServer } from './server.js';
import type { Dialect, Handler } from './types.js';

/** One mock instance's behaviour, built afresh per instance (its own counters and windows). */
export interface MockParts<E extends object = object> {
  dialect: Dialect;
  /** Answers valid requests; absent: Prism's static examples of the spec. */
  handler?: Handler;
  /** Clears the behaviour's counters (`POST /__scanapis/reset`, `reset()`). */
  onReset?: () => void;
  /** Extra fields every transport's result carries (the dataset, say). */
  extras?: E;
}

/**
 * An API's mock, once: everything the three transports (server, fetch, MSW) need. Each mock
 * package writes one and derives `startMock`, `createMockFetch` and `createHandlers` from it.
 */
export interface MockDefinition<O, E extends object = object> {
  /** The package's name, for errors: `@scanapis/gecko-mock`. */
  name: string;
  /** The bundled spec; its `servers` are the production base URLs the in-process mocks answer. */
  specFile: string;
  /** A new instance's parts from the user's options (the dataset may be shared, state may not). */
  create(options: O): MockParts<E>;
}

/** What every transport takes besides the API's own options. */
export interface ModeOptions {
  /**
   * An unknown query parameter is the vendor's 400 naming it and listing the parameters the
   * operation takes; without it, the parameter is ignored (as the vendors do) and named in an
   * `x-scanapis-warning` header.
   */
  strict?: boolean;
}

/** Where the server listens. */
export interface ListenOptions extends ModeOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** How long a client may take to send its headers / its request before the 408 (tests). */
  timeouts?: EdgeTimeouts;
}

/** What only the in-process transports take. */
export interface InProcessOptions extends ModeOptions {
  /** Base URL(s) answered besides the spec's production servers (e.g. `http://gecko.test`). */
  baseUrl?: string | readonly string[];
  /** Answer the spec's production base URLs too (default true); false: only `baseUrl`. */
  productionBaseUrls?: boolean;
}

/** `createMockFetch()`: a fetch answered in-process, with this instance's faults. */
export interface InProcessMock {
  /** Has the type of the global fetch; pass it as a client's `fetch` option. */
  fetch: typeof globalThis.fetch;
  /** This instance's faults: `faults.arm({ status: 503, count: 2 })`. */
  faults: Faults;
  /** Clears this instance's faults and rate-limit windows. */
  reset(): void;
  /** The base URLs answered: the spec's servers (templated ones match any value), then the given. */
  baseUrls: readonly string[];
}

/** @internal The pieces the fetch and MSW adapters share. */
export function createInProcessMock<O, E extends object>(
  definition: MockDefinition<O, E>,
  options: (O & InProcessOptions) | undefined,
): InProcessMock & E & { pipeline: MockPipeline; bases: BaseUrls } {
  const { baseUrl, productionBaseUrls = true, strict, ...rest } = options ?? ({} as O & InProcessOptions);
  const extra = baseUrl === undefined ? [] : typeof baseUrl === 'string' ? [baseUrl] : [...baseUrl];
  const bases = baseUrlsOf(definition.specFile, extra, { production: productionBaseUrls });
  const { extras, ...parts } = definition.create(rest as O);
  const pipeline = createMockPipeline({
    specFile: definition.specFile,
    ...parts,
    ...(strict !== undefined ? { strict } : {}),
  });
  return {
    ...(extras as E),
    fetch: createPipelineFetch(pipeline, bases, `${definition.name} fetch`),
    faults: pipeline.faults,
    reset: pipeline.reset,
    baseUrls: bases.list,
    pipeline,
    bases,
  };
}

/** `startMock(options)`: a new instance behind a node:http server. */
export async function startDefinedMock<O, E extends object>(
  definition: MockDefinition<O, E>,
  options: (O & ListenOptions) | undefined,
): Promise<RunningMock & E> {
  const { port, host, strict, timeouts, ...rest } = options ?? ({} as O & ListenOptions);
  const { extras, ...parts } = definition.create(rest as O);
  const mock = await startMockServer({
    specFile: definition.specFile,
    ...parts,
    ...(port !== undefined ? { port } : {}),
    ...(host !== undefined ? { host } : {}),
    ...(strict !== undefined ? { strict } : {}),
    ...(timeouts !== undefined ? { timeouts } : {}),
  });
  return Object.assign(mock, extras);
}

/** `createMockFetch(options)`: a new instance as an in-process fetch. */
export function createMockFetch<O, E extends object>(
  definition: MockDefinition<O, E>,
  options?: O & InProcessOptions,
): InProcessMock & E {
  const { pipeline: _p, bases: _b, ...mock } = createInProcessMock(definition, options);
  return mock as InProcessMock & E;
}

/**
 * A dataset per seed and size, built once per process: instances share data, never state. The
 * value must be treated as read-only by the behaviour.
 */
export function cachedBy<K extends unknown[], V>(make: (...key: K) => V): (...key: K) => V {
  const cache = new Map<string, V>();
  return (...key) => {
    const id = JSON.stringify(key);
    let v = cache.get(id);
    if (v === undefined) {
      v = make(...key);
      cache.set(id, v);
    }
    return v;
  };
}
