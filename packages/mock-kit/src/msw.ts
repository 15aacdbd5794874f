import { type HttpHandler, http } from 'msw';
import type { BaseUrls } from './base-urls.js';
import {
  createInProcessMock,
  type InProcessMock,
  type InProcessOptions,
  type MockDefinition,
} from './define.js';
import { runRequest, toResponse } from './fetch.js';
import type { MockPipeline, PipelineOutcome } from './pipeline.js';

/**
 * MSW 2 request handlers answered by one mock instance: one `http.all` per base URL, each running
 * the shared pipeline; a `drop` fault is MSW's network error (`Response.error()`). Plain data:
 * pass them to `setupServer(...)` or `server.use(...)`.
 */
export function createPipelineHandlers(pipeline: MockPipeline, bases: BaseUrls): HttpHandler[] {
  return bases.patterns.map((pattern) =>
    http.all(pattern, async ({ request }) => {
      const url = new URL(request.url);
      let outcome: PipelineOutcome;
      try {
        outcome = await runRequest(pipeline, request, bases.match(url) ?? `${url.pathname}${url.search}`);
      } catch (error) {
        // The request was aborted during a delay: MSW has already rejected the fetch with the
        // signal's reason; answer nothing more.
        if (request.signal.aborted) return Response.error();
        throw error;
      }
      if (outcome.kind === 'drop') return Response.error();
      return toResponse(outcome, request.method);
    }),
  );
}

/** What `createHandlers()` of a mock package returns: MSW handlers plus the instance's faults and reset. */
export type MockHandlers = HttpHandler[] & Omit<InProcessMock, 'fetch'>;

/**
 * The `createHandlers(options?)` of a mock package's `/msw` entry: a new mock instance (own
 * faults, own rate-limit windows) as MSW handlers for the API's production base URLs and the
 * given ones. The array also carries `faults`, `reset()` and `baseUrls`.
 */
export function createMockHandlers<O, E extends object>(
  definition: MockDefinition<O, E>,
  options?: O & InProcessOptions,
): MockHandlers & E {
  const mock = createInProcessMock(definition, options);
  const handlers = createPipelineHandlers(mock.pipeline, mock.bases);
  const { fetch: _fetch, pipeline: _pipeline, bases: _bases, ...rest } = mock;
  return Object.assign(handlers, rest) as MockHandlers & E;
}
