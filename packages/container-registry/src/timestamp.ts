/** A `google.protobuf.Timestamp` read from RFC 3339: the instant to the millisecond, plus every nanosecond. */
export interface Timestamp {
  /** The instant, truncated to the millisecond (what a `Date` can hold). */
  date: Date;
  /**
   * The whole fraction of the second in nanoseconds, 0–999999999 (as `Timestamp.nanos`):
   * `.5` → 500000000, `.482913650` → 482913650. `date.getUTCMilliseconds()` is `Math.floor(nanos / 1e6)`.
   */
  nanos: number;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch of a UTC date; unlike `Date.UTC`, years 0–99 stay as given. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

/** `0001-01-01T00:00:00Z` and `9999-12-31T23:59:59.999999999Z`: the range the pages give. */
const MIN_MS = utcMs(1, 1, 1);
const MAX_MS = utcMs(9999, 12, 31, 23, 59, 59, 999);

const daysIn = (year: number, month: number) =>
  [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1]!;

/**
 * Parses an RFC 3339 timestamp as the API sends it (`scannedAt`, `createdAt`): `YYYY-MM-DDThh:mm:ss`,
 * 0–9 fractional digits, `Z` or a `±hh:mm` offset, within `0001-01-01T00:00:00Z` …
 * `9999-12-31T23:59:59.999999999Z`. Returns the `Date` (millisecond precision) and the full
 * nanosecond fraction. Throws `RangeError` naming what is wrong; `TypeError` for a non-string.
 */
export function parseTimestamp(value: string): Timestamp {
  if (typeof value !== 'string') {
    throw new TypeError(`parseTimestamp: expected an RFC 3339 string, got ${typeof value}`);
  }
  const quoted = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  const fail = (why: string): never => {
    throw new RangeError(`parseTimestamp: ${quoted} ${why}`);
  };
  const m = RFC3339.exec(value);
  if (!m) {
    return fail('is not an RFC 3339 timestamp (expected YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm))');
  }
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (year < 1) fail('has year 0000; years run from 0001 to 9999');
  if (month < 1 || month > 12) fail(`has month ${mo}; expected 01–12`);
  if (day < 1 || day > daysIn(year, month)) fail(`has day ${d}; ${y}-${mo} has ${daysIn(year, month)} days`);
  if (hour > 23) fail(`has hour ${h}; expected 00–23`);
  if (minute > 59) fail(`has minute ${mi}; expected 00–59`);
  if (second > 59) fail(`has second ${s}; expected 00–59 (a Timestamp has no leap seconds)`);
  if (fraction !== undefined && fraction.length > 9) {
    fail(`has ${fraction.length} fractional digits; at most 9 (nanoseconds)`);
  }
  let offsetMinutes = 0;
  if (!zulu) {
    if (Number(oh) > 23 || Number(om) > 59) fail(`has offset ${sign}${oh}:${om}; expected ±00:00–±23:59`);
    offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  }
  const nanos = fraction === undefined ? 0 : Number(fraction.padEnd(9, '0'));
  const ms =
    utcMs(year, month, day, hour, minute, second, Math.floor(nanos / 1_000_000)) - offsetMinutes * 60_000;
  if (ms < MIN_MS || ms > MAX_MS) {
    fail('is outside 0001-01-01T00:00:00Z … 9999-12-31T23:59:59.999999999Z once its offset is applied');
  }
  return { date: new Date(ms), nanos };
}
