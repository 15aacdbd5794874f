export { signFetch } from './fetch.js';
export * from './signer.js';
