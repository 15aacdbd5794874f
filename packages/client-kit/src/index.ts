export { assertTokenSource, headerAuth, resolveToken, type TokenSource } from './auth.js';
export { normalizeBaseUrl } from './base-url.js';
export { ScanApiConfigError } from './errors.js';
