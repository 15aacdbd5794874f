export { type BaseUrls, baseUrlsOf } from './base-urls.js';
export { type CliSpec, type CliStartOptions, runMockCli } from './cli.js';
export {
  cachedBy,
  createMockFetch,
  type InProcessMock,
  type InProcessOptions,
  type ListenOptions,
  type MockDefinition,
  type MockParts,
  type ModeOptions,
  startDefinedMock,
} from './define.js';
export { exampleReply } from './examples.js';
export {
  type ArmedFault,
  createFaults,
  FAULT_HEADER,
  type Fault,
  type Faults,
  parseFaultHeader,
  SESSION_HEADER,
  validateFault,
} from './faults.js';
export { connectionReset, createPipelineFetch } from './fetch.js';
export { type EdgeTimeouts, edgeReply, edgeRequest } from './http-edges.js';
export { deepFreeze, lazyItems, pageCache } from './items.js';
export { toJson, toJsonBytes } from './json.js';
export {
  CONTROL_PREFIX,
  createMockPipeline,
  encodeReply,
  type MockPipeline,
  type MockPipelineOptions,
  type PipelineOutcome,
  type PipelineRequest,
  WARNING_HEADER,
} from './pipeline.js';
export { createPrismHandler, parsePrefer, preferProblem } from './prism.js';
export { createRandom, type Random } from './random.js';
export { createRateLimiter, type RateLimiter } from './rate-limit.js';
export { headerValue, isBodyless, mergeHeaders, toWire, toWireBytes, type WireReply } from './reply.js';
export {
  DEFAULT_GRACE_MS,
  type MockServerOptions,
  type RunningMock,
  startMockServer,
  waitUntilAnswering,
} from './server.js';
export type { Dialect, Handler, MockReply, MockRequest } from './types.js';
