import { toJsonBytes } from './json.js';
import type { MockReply } from './types.js';

/** A reply ready for the wire: lower-cased headers, the payload as text, the right framing headers. */
export interface WireReply {
  status: number;
  headers: Record<string, string>;
  /** Empty for a bodyless status. */
  payload: string;
}

/** Merges header objects by lower-cased name (later wins), as HTTP compares names. */
export function mergeHeaders(...sources: Array<Record<string, string> | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const source of sources) {
    if (source === undefined) continue;
    for (const k of Object.keys(source)) out[k.toLowerCase()] = source[k]!;
  }
  return out;
}

/**
 * 1xx, 204, 205 and 304 carry no body (RFC 9110 §6.4.1, §15.3.6), and so no `content-type`;
 * no `content-length` either, except 205's `0` (the one framing it may have on a kept-alive connection).
 */
export const isBodyless = (status: number): boolean =>
  (status >= 100 && status < 200) || status === 204 || status === 205 || status === 304;

/**
 * Turns a reply and the API's common headers into what goes on the wire — one rule for every
 * transport: JSON unless the body is a string, `content-length` of the payload, and nothing of a
 * body for a bodyless status. The payload as its UTF-8 bytes (what the transports send).
 */
export function toWireBytes(
  reply: MockReply,
  common: Record<string, string> = {},
): Omit<WireReply, 'payload'> & { payload: Buffer } {
  const headers = mergeHeaders(common, reply.headers);
  if (isBodyless(reply.status)) {
    delete headers['content-type'];
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    if (reply.status === 205) headers['content-length'] = '0';
    return { status: reply.status, headers, payload: EMPTY };
  }
  const isText = typeof reply.body === 'string';
  const payload =
    reply.body === undefined ? EMPTY : isText ? Buffer.from(reply.body as string) : toJsonBytes(reply.body);
  if (payload.length > 0 && !('content-type' in headers)) {
    headers['content-type'] = isText ? 'text/plain; charset=utf-8' : 'application/json';
  }
  headers['content-length'] = String(payload.length);
  return { status: reply.status, headers, payload };
}

const EMPTY = Buffer.alloc(0);

/** `toWireBytes` with the payload as text. */
export function toWire(reply: MockReply, common: Record<string, string> = {}): WireReply {
  const wire = toWireBytes(reply, common);
  return { ...wire, payload: wire.payload.toString('utf8') };
}

/** Text made safe for a header value: printable ASCII, anything else percent-encoded, 1,000 characters at most. */
export function headerValue(text: string): string {
  return text.slice(0, 1000).replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c));
}
