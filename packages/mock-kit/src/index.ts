export { type CliSpec, type CliStartOptions, runMockCli } from './cli.js';
export { exampleReply } from './examples.js';
export {
  type ArmedFault,
  createFaults,
  FAULT_HEADER,
  type Fault,
  type Faults,
  parseFaultHeader,
  validateFault,
} from './faults.js';
export { type EdgeTimeouts, edgeReply, edgeRequest } from './http-edges.js';
export { createPrismHandler, parsePrefer, preferProblem } from './prism.js';
export { createRandom, type Random } from './random.js';
export { createRateLimiter, type RateLimiter } from './rate-limit.js';
export { headerValue, isBodyless, mergeHeaders, toWire, type WireReply } from './reply.js';
export {
  CONTROL_PREFIX,
  createMockHandler,
  DEFAULT_GRACE_MS,
  type MockServerOptions,
  type RunningMock,
  startMockServer,
  WARNING_HEADER,
  waitUntilAnswering,
} from './server.js';
export type { Dialect, Handler, MockReply, MockRequest } from './types.js';
