export { type BinSuiteOptions, binSuite } from './bin.js';
export { type BoundaryCase, baselineRequest, boundaryCases } from './cases.js';
export {
  answerProblems,
  type EdgeSuiteOptions,
  edgeSuite,
  type StaticModeSuiteOptions,
  staticModeSuite,
} from './edges.js';
export { importLoads, mswEntrySuite } from './entry.js';
export { collectExamples, type SpecExample } from './examples.js';
export { type FuzzOptions, fuzzSuite } from './fuzz.js';
export { mockGlobalSetup, type StartableMock } from './global-setup.js';
export { type CallInput, type CallResult, call, fillPath, send } from './http.js';
export { runMockSize } from './mock-size.js';
export { parseRawAnswers, type RawAnswer, rawExchange } from './raw.js';
export { type ContractSuiteOptions, contractSuite, expectConforms } from './suite.js';
export { assertAllowedHost, resolveTarget, type Target } from './target.js';
export {
  inProcessFetch,
  installTransport,
  type MockFactories,
  type MockTarget,
  mockUrl,
  startMockTarget,
  type TransportName,
  transportName,
} from './transport.js';
