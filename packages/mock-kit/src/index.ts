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
export { deepFreeze, lazyItems } from './items.js';
export { toJson } from './json.js';
export { createPrismHandler, parsePrefer } from './prism.js';
export { createRandom, type Random } from './random.js';
export { createRateLimiter, type RateLimiter } from './rate-limit.js';
export {
  CONTROL_PREFIX,
  createMockHandler,
  type MockServerOptions,
  type RunningMock,
  startMockServer,
  waitUntilAnswering,
} from './server.js';
export type { Dialect, Handler, MockReply, MockRequest } from './types.js';
