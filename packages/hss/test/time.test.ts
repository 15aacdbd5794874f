import { describe, expect, it } from 'vitest';
import { dateToMs, MAX_EPOCH_MS, msToDate } from '../src/time.js';

describe('msToDate', () => {
  it.each<[string, { given: number; want: string }]>([
    ['the epoch', { given: 0, want: '1970-01-01T00:00:00.000Z' }],
    ['-0 is the epoch', { given: -0, want: '1970-01-01T00:00:00.000Z' }],
    ['a typical HSS timestamp', { given: 1_714_979_289_987, want: '2024-05-06T07:08:09.987Z' }],
    ['before the epoch', { given: -1, want: '1969-12-31T23:59:59.999Z' }],
    ['the largest Date', { given: MAX_EPOCH_MS, want: '+275760-09-13T00:00:00.000Z' }],
    ['the smallest Date', { given: -MAX_EPOCH_MS, want: '-271821-04-20T00:00:00.000Z' }],
  ])('%s', (_name, { given, want }) => {
    expect(msToDate(given).toISOString()).toBe(want);
  });

  it.each<
    [string, { given: unknown; want: { error: typeof RangeError | typeof TypeError; message: RegExp } }]
  >([
    ['NaN', { given: Number.NaN, want: { error: RangeError, message: /must be finite, got NaN/ } }],
    [
      'Infinity',
      {
        given: Number.POSITIVE_INFINITY,
        want: { error: RangeError, message: /must be finite, got Infinity/ },
      },
    ],
    [
      '-Infinity',
      {
        given: Number.NEGATIVE_INFINITY,
        want: { error: RangeError, message: /must be finite, got -Infinity/ },
      },
    ],
    ['a fraction', { given: 1.5, want: { error: RangeError, message: /must be an integer, got 1\.5/ } }],
    [
      'a tiny fraction',
      { given: 1e-7, want: { error: RangeError, message: /must be an integer, got 1e-7/ } },
    ],
    [
      'one past the largest Date',
      { given: MAX_EPOCH_MS + 1, want: { error: RangeError, message: /8640000000000001 are out of range/ } },
    ],
    [
      'one before the smallest Date',
      {
        given: -MAX_EPOCH_MS - 1,
        want: { error: RangeError, message: /-8640000000000001 are out of range/ },
      },
    ],
    [
      'int64 max, as JSON.parse rounds it (2 ** 63)',
      { given: 2 ** 63, want: { error: RangeError, message: /out of range/ } },
    ],
    [
      'a numeric string',
      { given: '1714979289987', want: { error: TypeError, message: /got "1714979289987"/ } },
    ],
    ['a bigint', { given: 1n, want: { error: TypeError, message: /got 1n/ } }],
    ['null', { given: null, want: { error: TypeError, message: /got null/ } }],
  ])('refuses %s', (_name, { given, want }) => {
    expect(() => msToDate(given as number)).toThrow(want.error);
    expect(() => msToDate(given as number)).toThrow(want.message);
  });
});

describe('dateToMs', () => {
  it.each<[string, { given: Date; want: number }]>([
    ['the epoch', { given: new Date('1970-01-01T00:00:00Z'), want: 0 }],
    ['a typical HSS timestamp', { given: new Date('2024-05-06T07:08:09.987Z'), want: 1_714_979_289_987 }],
    ['before the epoch', { given: new Date('1969-12-31T23:59:59.999Z'), want: -1 }],
    ['the largest Date', { given: new Date(MAX_EPOCH_MS), want: MAX_EPOCH_MS }],
  ])('%s', (_name, { given, want }) => {
    expect(dateToMs(given)).toBe(want);
  });

  it.each<
    [string, { given: unknown; want: { error: typeof RangeError | typeof TypeError; message: RegExp } }]
  >([
    ['an Invalid Date', { given: new Date(Number.NaN), want: { error: RangeError, message: /invalid/ } }],
    ['a number', { given: 0, want: { error: TypeError, message: /expected a Date, got 0/ } }],
    [
      'an ISO string',
      { given: '2024-05-06T07:08:09Z', want: { error: TypeError, message: /expected a Date, got "2024/ } },
    ],
    [
      'undefined',
      { given: undefined, want: { error: TypeError, message: /expected a Date, got undefined/ } },
    ],
  ])('refuses %s', (_name, { given, want }) => {
    expect(() => dateToMs(given as Date)).toThrow(want.error);
    expect(() => dateToMs(given as Date)).toThrow(want.message);
  });

  it('round-trips with msToDate', () => {
    for (const ms of [0, 1, -1, 1_714_979_289_987, MAX_EPOCH_MS, -MAX_EPOCH_MS, 253_402_300_799_999]) {
      expect(dateToMs(msToDate(ms))).toBe(ms);
    }
  });
});
