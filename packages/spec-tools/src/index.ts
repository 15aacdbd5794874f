export { compileSchema, createAjv, describeError } from './ajv.js';
export { describeSchema } from './describe.js';
export { dereference, type JsonObject, loadSpec, type OpenApiDocument, resolvePointer } from './load.js';
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
  type RequestParts,
  type Violation,
} from './request.js';
export { type CheckOptions, checkResponse, type ResponseParts } from './response.js';
