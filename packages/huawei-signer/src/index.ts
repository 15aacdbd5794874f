export { type SignTarget, signFetch } from './fetch.js';
export * from './signer.js';
