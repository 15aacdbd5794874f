/**
 * HSS reports instants as epoch milliseconds (int64). These helpers convert them to and from `Date`,
 * refusing values that would silently turn into `Invalid Date`, a fractional instant or a wrong year.
 */

/** The ECMAScript time-value range: ±100,000,000 days around the epoch, in milliseconds. */
export const MAX_EPOCH_MS = 8_640_000_000_000_000;

function describe(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return 'Invalid Date';
  return value === null ? 'null' : typeof value;
}

/**
 * Epoch milliseconds → `Date`.
 * @throws {TypeError} when `ms` is not a number (e.g. a string or bigint from a lenient JSON parser).
 * @throws {RangeError} when `ms` is NaN/±Infinity, not an integer, or outside ±8.64e15 (the `Date` range).
 */
export function msToDate(ms: number): Date {
  if (typeof ms !== 'number') {
    throw new TypeError(`msToDate: expected epoch milliseconds as a number, got ${describe(ms)}`);
  }
  if (!Number.isFinite(ms)) {
    throw new RangeError(`msToDate: epoch milliseconds must be finite, got ${describe(ms)}`);
  }
  if (!Number.isInteger(ms)) {
    throw new RangeError(`msToDate: epoch milliseconds must be an integer, got ${describe(ms)}`);
  }
  if (ms > MAX_EPOCH_MS || ms < -MAX_EPOCH_MS) {
    throw new RangeError(
      `msToDate: epoch milliseconds ${describe(ms)} are out of range (must be within ±${MAX_EPOCH_MS})`,
    );
  }
  return new Date(ms);
}

/**
 * `Date` → epoch milliseconds.
 * @throws {TypeError} when `d` is not a `Date`.
 * @throws {RangeError} when `d` is an Invalid Date.
 */
export function dateToMs(d: Date): number {
  if (!(d instanceof Date)) {
    throw new TypeError(`dateToMs: expected a Date, got ${describe(d)}`);
  }
  const ms = d.getTime();
  if (Number.isNaN(ms)) {
    throw new RangeError('dateToMs: the Date is invalid (its time value is NaN)');
  }
  return ms;
}
