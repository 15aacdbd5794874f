import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 1;
const HASH_BYTES = 8;
const MAC_BYTES = 12;
/** version (1) + offset (4) + query hash (8) + HMAC (12) = 25 bytes = 34 base64url characters. */
const TOKEN_BYTES = 1 + 4 + HASH_BYTES + MAC_BYTES;

/** SHA-256's block size (bytes). */
const BLOCK = 64;
const sha256 = (data: Buffer): Buffer => hash('sha256', data, 'buffer') as unknown as Buffer;

export type TokenReading = { offset: number } | { problem: 'not-issued' | 'other-query' };

/**
 * Opaque page tokens: base64url of the offset of the next page and a hash of the query that
 * produced it, signed with an HMAC under a secret of this mock instance. A token is honoured only
 * by the mock that issued it and only with the same query; anything else is told apart as a
 * token the mock never issued, or one issued for a different query.
 */
export function createPageTokens(secret: Buffer = randomBytes(32)) {
  // HMAC-SHA256 (RFC 2104) with one-shot hashes: the same bytes as `createHmac`, without an
  // OpenSSL context made and freed per call.
  const key = Buffer.alloc(BLOCK);
  (secret.length > BLOCK ? sha256(secret) : secret).copy(key);
  const inner = Buffer.from(key.map((b) => b ^ 0x36));
  const outer = Buffer.from(key.map((b) => b ^ 0x5c));
  const mac = (payload: Buffer) =>
    sha256(Buffer.concat([outer, sha256(Buffer.concat([inner, payload]))])).subarray(0, MAC_BYTES);
  // The query of consecutive pages is the same: its hash is kept.
  let lastQuery: string | undefined;
  let lastHash: Buffer = Buffer.alloc(0);
  const hashOf = (queryKey: string) => {
    if (queryKey !== lastQuery) {
      lastHash = sha256(Buffer.from(queryKey)).subarray(0, HASH_BYTES);
      lastQuery = queryKey;
    }
    return lastHash;
  };
  return {
    /** The token of the page that starts at `offset` of the answer to `queryKey`. */
    issue(queryKey: string, offset: number): string {
      const payload = Buffer.alloc(1 + 4 + HASH_BYTES);
      payload.writeUInt8(VERSION, 0);
      payload.writeUInt32BE(offset, 1);
      hashOf(queryKey).copy(payload, 5);
      return Buffer.concat([payload, mac(payload)]).toString('base64url');
    },
    /** Reads a token sent with `queryKey`: its offset, or why it is refused. */
    read(token: string, queryKey: string): TokenReading {
      const raw = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, 'base64url') : Buffer.alloc(0);
      if (raw.length !== TOKEN_BYTES || raw.toString('base64url') !== token || raw[0] !== VERSION)
        return { problem: 'not-issued' };
      const payload = raw.subarray(0, TOKEN_BYTES - MAC_BYTES);
      if (!timingSafeEqual(mac(payload), raw.subarray(TOKEN_BYTES - MAC_BYTES)))
        return { problem: 'not-issued' };
      if (!hashOf(queryKey).equals(payload.subarray(5))) return { problem: 'other-query' };
      return { offset: payload.readUInt32BE(1) };
    },
  };
}

export type PageTokens = ReturnType<typeof createPageTokens>;
