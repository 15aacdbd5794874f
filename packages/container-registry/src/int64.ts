/** The int64 range (`google.protobuf` int64 / proto3 JSON string). */
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

const DECIMAL = /^-?[0-9]+$/;

function describe(value: string): string {
  return value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
}

/**
 * Reads an int64 that travels as a JSON string (proto3 JSON: `"29754290"`) as a `bigint`.
 * Throws `RangeError` for anything that is not a decimal integer string in the int64 range
 * (`""`, `"1.5"`, `"1e3"`, `"+1"`, `" 1"`, `"0x10"`, beyond ±2^63), `TypeError` for a non-string.
 *
 * proto3 JSON omits a zero, so an absent field means `"0"`: `int64ToBigInt(stats.high ?? '0')`.
 */
export function int64ToBigInt(value: string): bigint {
  if (typeof value !== 'string') {
    throw new TypeError(`int64ToBigInt: expected an int64 decimal string, got ${typeof value}`);
  }
  if (value === '')
    throw new RangeError('int64ToBigInt: "" is empty; an int64 string has at least one digit');
  if (!DECIMAL.test(value)) {
    throw new RangeError(
      `int64ToBigInt: ${describe(value)} is not an integer: expected decimal digits with an optional leading "-"`,
    );
  }
  const n = BigInt(value);
  if (n < INT64_MIN || n > INT64_MAX) {
    throw new RangeError(
      `int64ToBigInt: ${describe(value)} is outside the int64 range ${INT64_MIN} to ${INT64_MAX}`,
    );
  }
  return n;
}

/**
 * Reads an int64 string as a `number`, when it fits one exactly. Throws `RangeError` above
 * `Number.MAX_SAFE_INTEGER` (2^53 − 1) or below `Number.MIN_SAFE_INTEGER` — use `int64ToBigInt`
 * for those — and for everything `int64ToBigInt` refuses.
 */
export function int64ToNumber(value: string): number {
  const n = int64ToBigInt(value);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(
      `int64ToNumber: ${describe(value)} is above Number.MAX_SAFE_INTEGER (${Number.MAX_SAFE_INTEGER}); use int64ToBigInt`,
    );
  }
  if (n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(
      `int64ToNumber: ${describe(value)} is below Number.MIN_SAFE_INTEGER (${Number.MIN_SAFE_INTEGER}); use int64ToBigInt`,
    );
  }
  return Number(n);
}
