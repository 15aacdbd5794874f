/** The signing half alone, for clients that load it lazily (`import('@scanapis/huawei-signer/sign')`). */
export { type AkSkCredentials, type SignableRequest, signRequest } from './signer.js';
