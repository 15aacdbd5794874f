export { type CliSpec, runMockCli } from './cli.js';
export { createPrismHandler, parsePrefer } from './prism.js';
export {
  createMockHandler,
  type MockServerOptions,
  type RunningMock,
  startMockServer,
  waitUntilAnswering,
} from './server.js';
export type { Dialect, Handler, MockReply, MockRequest } from './types.js';
