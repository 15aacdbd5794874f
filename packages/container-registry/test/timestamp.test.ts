import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../src/index.js';

describe('parseTimestamp', () => {
  it.each([
    [
      'the smallest value the page names',
      { given: '0001-01-01T00:00:00Z', want: { iso: '0001-01-01T00:00:00.000Z', nanos: 0 } },
    ],
    [
      'the largest value the page names',
      {
        given: '9999-12-31T23:59:59.999999999Z',
        want: { iso: '9999-12-31T23:59:59.999Z', nanos: 999_999_999 },
      },
    ],
    ['no fraction', { given: '2024-10-02T06:15:00Z', want: { iso: '2024-10-02T06:15:00.000Z', nanos: 0 } }],
    [
      'nine digits (spec example)',
      {
        given: '2024-11-26T09:41:07.482913650Z',
        want: { iso: '2024-11-26T09:41:07.482Z', nanos: 482_913_650 },
      },
    ],
    [
      'three digits (spec example)',
      { given: '2024-11-19T17:03:22.907Z', want: { iso: '2024-11-19T17:03:22.907Z', nanos: 907_000_000 } },
    ],
    [
      'one digit',
      { given: '2024-01-01T00:00:00.5Z', want: { iso: '2024-01-01T00:00:00.500Z', nanos: 500_000_000 } },
    ],
    [
      'six digits',
      { given: '2024-01-01T00:00:00.000001Z', want: { iso: '2024-01-01T00:00:00.000Z', nanos: 1_000 } },
    ],
    [
      'one nanosecond',
      { given: '2024-01-01T00:00:00.000000001Z', want: { iso: '2024-01-01T00:00:00.000Z', nanos: 1 } },
    ],
    [
      'a positive offset',
      {
        given: '2024-11-26T12:41:07.25+03:00',
        want: { iso: '2024-11-26T09:41:07.250Z', nanos: 250_000_000 },
      },
    ],
    [
      'a negative offset',
      { given: '2024-11-25T23:30:00-05:30', want: { iso: '2024-11-26T05:00:00.000Z', nanos: 0 } },
    ],
    [
      'lower-case t and z (RFC 3339 allows them)',
      { given: '2024-02-29t12:00:00z', want: { iso: '2024-02-29T12:00:00.000Z', nanos: 0 } },
    ],
    [
      'a year below 100',
      { given: '0099-06-15T00:00:00Z', want: { iso: '0099-06-15T00:00:00.000Z', nanos: 0 } },
    ],
    [
      'an offset that stays inside the range',
      { given: '0001-01-01T01:00:00+01:00', want: { iso: '0001-01-01T00:00:00.000Z', nanos: 0 } },
    ],
  ])('reads %s', (_, { given, want }) => {
    const { date, nanos } = parseTimestamp(given);
    expect(date.toISOString()).toBe(want.iso);
    expect(nanos).toBe(want.nanos);
    expect(date.getUTCMilliseconds()).toBe(Math.floor(nanos / 1e6));
  });

  const notRfc3339 = 'is not an RFC 3339 timestamp (expected YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm))';
  it.each([
    ['an empty string', { given: '', want: `"" ${notRfc3339}` }],
    ['a date only', { given: '2024-11-26', want: `"2024-11-26" ${notRfc3339}` }],
    ['no zone', { given: '2024-11-26T09:41:07', want: `"2024-11-26T09:41:07" ${notRfc3339}` }],
    ['a space separator', { given: '2024-11-26 09:41:07Z', want: `"2024-11-26 09:41:07Z" ${notRfc3339}` }],
    ['an empty fraction', { given: '2024-11-26T09:41:07.Z', want: `"2024-11-26T09:41:07.Z" ${notRfc3339}` }],
    [
      'a compact offset',
      { given: '2024-11-26T09:41:07+0300', want: `"2024-11-26T09:41:07+0300" ${notRfc3339}` },
    ],
    ['a five-digit year', { given: '10000-01-01T00:00:00Z', want: `"10000-01-01T00:00:00Z" ${notRfc3339}` }],
    [
      'ten fractional digits',
      {
        given: '2024-11-26T09:41:07.1234567890Z',
        want: '"2024-11-26T09:41:07.1234567890Z" has 10 fractional digits; at most 9 (nanoseconds)',
      },
    ],
    [
      'year 0000',
      {
        given: '0000-12-31T23:59:59Z',
        want: '"0000-12-31T23:59:59Z" has year 0000; years run from 0001 to 9999',
      },
    ],
    [
      'month 13',
      { given: '2024-13-01T00:00:00Z', want: '"2024-13-01T00:00:00Z" has month 13; expected 01–12' },
    ],
    [
      'February 29 of a common year',
      { given: '2023-02-29T00:00:00Z', want: '"2023-02-29T00:00:00Z" has day 29; 2023-02 has 28 days' },
    ],
    [
      'April 31',
      { given: '2024-04-31T00:00:00Z', want: '"2024-04-31T00:00:00Z" has day 31; 2024-04 has 30 days' },
    ],
    [
      'hour 24',
      { given: '2024-01-01T24:00:00Z', want: '"2024-01-01T24:00:00Z" has hour 24; expected 00–23' },
    ],
    [
      'minute 60',
      { given: '2024-01-01T00:60:00Z', want: '"2024-01-01T00:60:00Z" has minute 60; expected 00–59' },
    ],
    [
      'a leap second',
      {
        given: '2016-12-31T23:59:60Z',
        want: '"2016-12-31T23:59:60Z" has second 60; expected 00–59 (a Timestamp has no leap seconds)',
      },
    ],
    [
      'offset hour 24',
      {
        given: '2024-01-01T00:00:00+24:00',
        want: '"2024-01-01T00:00:00+24:00" has offset +24:00; expected ±00:00–±23:59',
      },
    ],
    [
      'before 0001-01-01T00:00:00Z once the offset is applied',
      {
        given: '0001-01-01T00:00:00+00:01',
        want: '"0001-01-01T00:00:00+00:01" is outside 0001-01-01T00:00:00Z … 9999-12-31T23:59:59.999999999Z once its offset is applied',
      },
    ],
    [
      'after 9999-12-31T23:59:59.999999999Z once the offset is applied',
      {
        given: '9999-12-31T23:59:59-00:01',
        want: '"9999-12-31T23:59:59-00:01" is outside 0001-01-01T00:00:00Z … 9999-12-31T23:59:59.999999999Z once its offset is applied',
      },
    ],
  ])('refuses %s with a RangeError', (_, { given, want }) => {
    expect(() => parseTimestamp(given)).toThrow(new RangeError(`parseTimestamp: ${want}`));
  });

  it('refuses a non-string with a TypeError', () => {
    expect(() => parseTimestamp(new Date() as unknown as string)).toThrow(
      new TypeError('parseTimestamp: expected an RFC 3339 string, got object'),
    );
  });
});
