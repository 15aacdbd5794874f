import { isDeepFrozen } from '@scanapis/spec-tools';

/** A plain object without `toJSON`: a body `toJson` and `toJsonBytes` write key by key. */
function isPlainBody(body: unknown): body is Record<string, unknown> {
  return (
    body !== null &&
    typeof body === 'object' &&
    !Array.isArray(body) &&
    Object.getPrototypeOf(body) === Object.prototype &&
    typeof (body as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/**
 * `JSON.stringify(body)`, the same text: the text of {@link toJsonBytes}' bytes (JSON.stringify
 * writes well-formed text, so its UTF-8 decodes back to it), with the items' and the kept pages'
 * encodings reused. Anything not a plain object goes to `JSON.stringify` whole.
 */
export function toJson(body: unknown): string {
  return isPlainBody(body) ? toJsonBytes(body).toString('utf8') : JSON.stringify(body);
}

/** The UTF-8 bytes of the JSON text of deep-frozen objects already encoded (items, kept pages). */
const encoded = new WeakMap<object, Buffer>();
const COMMA = Buffer.from(',');

/**
 * The UTF-8 bytes of `text` in memory of their own. `Buffer.from` places small texts in shared
 * 8 KB slabs, each kept whole while any text in it lives: items kept for as long as each is
 * cached, and dropped in no particular order, would keep many mostly dead slabs.
 */
function ownBytes(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

/**
 * The bytes of an array element's JSON text (`null` for undefined, as JSON.stringify writes it): a
 * deep-frozen object's are encoded once and
 * reused (UTF-8 of a concatenation is the concatenation of the UTF-8 of its parts, each part being
 * a whole JSON text, so the page's bytes are the same).
 */
function elementBytes(value: unknown): Buffer {
  if (value !== null && typeof value === 'object' && Object.isFrozen(value)) {
    const known = encoded.get(value);
    if (known !== undefined) return known;
    if (!isDeepFrozen(value)) return Buffer.from(JSON.stringify(value) ?? 'null');
    const bytes = ownBytes(JSON.stringify(value));
    encoded.set(value, bytes);
    return bytes;
  }
  return Buffer.from(JSON.stringify(value) ?? 'null');
}

/**
 * `Buffer.from(JSON.stringify(body))`, the same bytes, without making the page's text: the bytes of the
 * deep-frozen items of the body's top-level arrays are encoded once and copied into each answer
 * that holds them; a deep-frozen body's bytes are kept too (the bytes are never written to: every
 * transport only sends them). A body that is not a plain object is encoded whole.
 */
export function toJsonBytes(body: unknown): Buffer {
  if (!isPlainBody(body)) return Buffer.from(JSON.stringify(body) ?? '');
  // A deep-frozen body (a page a mock keeps) is encoded once, as its items are.
  const frozen = Object.isFrozen(body);
  if (frozen) {
    const known = encoded.get(body);
    if (known !== undefined) return known;
  }
  const bytes = encodeBody(body as Record<string, unknown>);
  if (!(frozen && isDeepFrozen(body))) return bytes;
  // Kept with the body, in memory of its own (a small one shares a slab of the pool).
  let kept = bytes;
  if (bytes.length < Buffer.poolSize >>> 1) {
    kept = Buffer.allocUnsafeSlow(bytes.length);
    bytes.copy(kept);
  }
  encoded.set(body, kept);
  return kept;
}

function encodeBody(body: Record<string, unknown>): Buffer {
  const parts: Buffer[] = [];
  let pending = '{';
  let first = true;
  for (const key of Object.keys(body)) {
    const value = body[key];
    if (Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype) {
      pending += `${first ? '' : ','}${JSON.stringify(key)}:[`;
      first = false;
      if (value.length > 0) {
        parts.push(Buffer.from(pending));
        pending = '';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) parts.push(COMMA);
          parts.push(elementBytes(value[i]));
        }
      }
      pending += ']';
      continue;
    }
    const text = JSON.stringify(value);
    if (text === undefined) continue; // undefined, functions and symbols are left out, as JSON.stringify does
    pending += `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  parts.push(Buffer.from(`${pending}}`));
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}
