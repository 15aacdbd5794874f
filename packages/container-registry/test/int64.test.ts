import { describe, expect, it } from 'vitest';
import { INT64_MAX, INT64_MIN, int64ToBigInt, int64ToNumber } from '../src/index.js';

describe('int64ToBigInt', () => {
  it.each([
    ['zero', { given: '0', want: 0n }],
    ['a count from the spec example', { given: '14', want: 14n }],
    ['an image size', { given: '29754290', want: 29754290n }],
    ['a negative value', { given: '-42', want: -42n }],
    ['leading zeros', { given: '007', want: 7n }],
    ['minus zero', { given: '-0', want: 0n }],
    ['2^53 + 1, beyond a number', { given: '9007199254740993', want: 9007199254740993n }],
    ['the int64 maximum', { given: '9223372036854775807', want: INT64_MAX }],
    ['the int64 minimum', { given: '-9223372036854775808', want: INT64_MIN }],
  ])('reads %s', (_, { given, want }) => {
    expect(int64ToBigInt(given)).toBe(want);
  });

  it.each([
    [
      'an empty string',
      { given: '', want: 'int64ToBigInt: "" is empty; an int64 string has at least one digit' },
    ],
    [
      'a fraction',
      {
        given: '1.5',
        want: 'int64ToBigInt: "1.5" is not an integer: expected decimal digits with an optional leading "-"',
      },
    ],
    [
      'an exponent',
      {
        given: '1e3',
        want: 'int64ToBigInt: "1e3" is not an integer: expected decimal digits with an optional leading "-"',
      },
    ],
    [
      'a plus sign',
      {
        given: '+1',
        want: 'int64ToBigInt: "+1" is not an integer: expected decimal digits with an optional leading "-"',
      },
    ],
    [
      'surrounding spaces',
      {
        given: ' 1 ',
        want: 'int64ToBigInt: " 1 " is not an integer: expected decimal digits with an optional leading "-"',
      },
    ],
    [
      'hex',
      {
        given: '0x10',
        want: 'int64ToBigInt: "0x10" is not an integer: expected decimal digits with an optional leading "-"',
      },
    ],
    [
      'the int64 maximum + 1',
      {
        given: '9223372036854775808',
        want: 'int64ToBigInt: "9223372036854775808" is outside the int64 range -9223372036854775808 to 9223372036854775807',
      },
    ],
    [
      'the int64 minimum - 1',
      {
        given: '-9223372036854775809',
        want: 'int64ToBigInt: "-9223372036854775809" is outside the int64 range -9223372036854775808 to 9223372036854775807',
      },
    ],
  ])('refuses %s with a RangeError', (_, { given, want }) => {
    expect(() => int64ToBigInt(given)).toThrow(new RangeError(want));
  });

  it('refuses a non-string with a TypeError', () => {
    expect(() => int64ToBigInt(12 as unknown as string)).toThrow(
      new TypeError('int64ToBigInt: expected an int64 decimal string, got number'),
    );
  });
});

describe('int64ToNumber', () => {
  it.each([
    ['zero', { given: '0', want: 0 }],
    ['a count', { given: '52', want: 52 }],
    ['a negative value', { given: '-7', want: -7 }],
    ['Number.MAX_SAFE_INTEGER', { given: '9007199254740991', want: Number.MAX_SAFE_INTEGER }],
    ['Number.MIN_SAFE_INTEGER', { given: '-9007199254740991', want: Number.MIN_SAFE_INTEGER }],
  ])('reads %s', (_, { given, want }) => {
    expect(int64ToNumber(given)).toBe(want);
  });

  it.each([
    [
      'Number.MAX_SAFE_INTEGER + 1',
      {
        given: '9007199254740992',
        want: 'int64ToNumber: "9007199254740992" is above Number.MAX_SAFE_INTEGER (9007199254740991); use int64ToBigInt',
      },
    ],
    [
      'Number.MIN_SAFE_INTEGER - 1',
      {
        given: '-9007199254740992',
        want: 'int64ToNumber: "-9007199254740992" is below Number.MIN_SAFE_INTEGER (-9007199254740991); use int64ToBigInt',
      },
    ],
    [
      'the int64 maximum',
      {
        given: '9223372036854775807',
        want: 'int64ToNumber: "9223372036854775807" is above Number.MAX_SAFE_INTEGER (9007199254740991); use int64ToBigInt',
      },
    ],
    [
      'a fraction',
      {
        given: '2.0',
        want: 'int64ToBigInt: "2.0" is not an integer: expected decimal digits with an optional leading "-"',
      },
    ],
  ])('refuses %s with a RangeError', (_, { given, want }) => {
    expect(() => int64ToNumber(given)).toThrow(new RangeError(want));
  });
});
