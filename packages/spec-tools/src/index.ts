export { compileSchema, createAjv, describeError } from './ajv.js';
export { describeSchema } from './describe.js';
export {
  dereference,
  EXACT_INTEGERS,
  exactInteger,
  type JsonObject,
  loadSpec,
  type OpenApiDocument,
  parseJsonExact,
  resolvePointer,
  type WithExactIntegers,
} from './load.js';
export { compileMemoized, isDeepFrozen } from './memo.js';
export {
  type Header,
  listOperations,
  type MediaType,
  matchOperation,
  type Operation,
  type Parameter,
  type ParameterLocation,
  type Response,
} from './operations.js';
export {
  coerce,
  createRequestValidator,
  type ParsedParams,
  type RequestCheck,
  type RequestParts,
  type RequestValidatorOptions,
  type Violation,
} from './request.js';
export { type CheckOptions, checkResponse, type ResponseParts } from './response.js';
