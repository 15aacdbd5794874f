import { createRequire } from 'node:module';
import { createPrismHandler, type Handler, type RunningMock, startMockServer } from '@scanapis/mock-kit';
import { containerRegistryDialect, REQUEST_INFO_TYPE } from './dialect.js';

export type { RunningMock } from '@scanapis/mock-kit';
export { containerRegistryDialect, GrpcCode, REQUEST_INFO_TYPE, statusBody, traceIdOf } from './dialect.js';

/** The bundled Container Registry spec this mock serves. */
export const specFile: string = createRequire(import.meta.url).resolve(
  '@scanapis/spec-container-registry/openapi.json',
);

/** The port `pnpm start` serves the Container Registry mock on. */
export const DEFAULT_PORT = 4010;

export interface StartMockOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
}

/**
 * Prism answers with the spec's examples, whose request ids are the examples' own. This keeps the
 * examples' bodies but makes every answer carry this request's id, as the vendor does: the
 * `x-request-id` / `x-server-trace-id` headers come from the dialect, and a `google.rpc.Status`
 * example's `RequestInfo.requestId` is replaced by the same id.
 */
export function withRequestIds(handler: Handler): Handler {
  return async (req) => {
    const reply = await handler(req);
    const headers = { ...reply.headers };
    delete headers['x-request-id'];
    delete headers['x-server-trace-id'];
    let body = reply.body;
    const details = (body as { details?: unknown } | null)?.details;
    if (reply.status >= 400 && Array.isArray(details)) {
      body = {
        ...(body as object),
        details: details.map((d: { '@type'?: unknown }) =>
          d?.['@type'] === REQUEST_INFO_TYPE ? { ...d, requestId: req.requestId } : d,
        ),
      };
    }
    return { ...reply, headers, body };
  };
}

/** Starts the Container Registry mock; resolves once it answers, with its URL and `close()`. */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  return startMockServer({
    specFile,
    dialect: containerRegistryDialect,
    handler: withRequestIds(await createPrismHandler(specFile)),
    ...options,
  });
}
