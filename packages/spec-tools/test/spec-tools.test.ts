import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkResponse,
  coerce,
  createAjv,
  createRequestValidator,
  describeSchema,
  EXACT_INTEGERS,
  exactInteger,
  listOperations,
  loadSpec,
  matchOperation,
  type Operation,
  parseJsonExact,
} from '../src/index.js';

const doc = loadSpec(fileURLToPath(new URL('./fixtures/tiny.json', import.meta.url)));
const [op] = listOperations(doc);
const ajv = createAjv();
const validate = createRequestValidator(ajv, op!);
const run = (query: string, project = 'p1') =>
  validate({ query: new URLSearchParams(query), headers: {}, pathParams: { project } });

describe('listOperations / matchOperation', () => {
  it('resolves refs and merges path-level parameters', () => {
    expect(op!.operationId).toBe('listThings');
    expect(op!.parameters.map((p) => p.name)).toContain('project');
    expect(op!.responses['200']!.content!['application/json']!.schema!.required).toEqual(['items']);
  });
  it.each([
    ['a concrete path', { given: ['GET', '/v1/abc/things'], want: { project: 'abc' } }],
    ['an encoded segment', { given: ['GET', '/v1/a%20b/things'], want: { project: 'a b' } }],
    ['a malformed escape kept raw', { given: ['GET', '/v1/%E0%A4%A/things'], want: { project: '%E0%A4%A' } }],
  ] as const)('matches %s', (_, { given, want }) => {
    const m = matchOperation([op!], given[0], given[1]);
    expect(m && 'operation' in m ? m.pathParams : m).toEqual(want);
  });
  it('tells a wrong method from an unknown path', () => {
    expect(matchOperation([op!], 'POST', '/v1/abc/things')).toEqual({ methodNotAllowed: true });
    expect(matchOperation([op!], 'GET', '/v2/nothing')).toBeUndefined();
  });
});

describe('coerce', () => {
  it.each([
    ['integer', { given: ['42', { type: 'integer' }], want: { value: 42 } }],
    ['negative integer', { given: ['-1', { type: 'integer' }], want: { value: -1 } }],
    ['integer with exponent', { given: ['1e3', { type: 'integer' }], want: { error: 'must be an integer' } }],
    ['nullable integer', { given: ['7', { type: ['integer', 'null'] }], want: { value: 7 } }],
    ['number', { given: ['1.5', { type: 'number' }], want: { value: 1.5 } }],
    ['blank number', { given: [' ', { type: 'number' }], want: { error: 'must be a number' } }],
    ['boolean', { given: ['false', { type: 'boolean' }], want: { value: false } }],
    ['boolean word', { given: ['yes', { type: 'boolean' }], want: { error: 'must be true or false' } }],
    ['string', { given: ['x', { type: 'string' }], want: { value: 'x' } }],
  ] as const)('%s', (_, { given, want }) => {
    expect(coerce(given[0], given[1] as never)).toEqual(want);
  });
});

describe('createRequestValidator', () => {
  it.each([
    ['a valid request', { given: 'a=abc&limit=10&kind=x&flag=true&tags=1&tags=2&from=1&to=2', want: [] }],
    ['limit above maximum', { given: 'a=1&limit=11', want: [['limit', 'maximum', 'must be <= 10']] }],
    ['limit not an integer', { given: 'a=1&limit=ten', want: [['limit', 'type', 'must be an integer']] }],
    ['kind outside enum', { given: 'a=1&kind=z', want: [['kind', 'enum', 'must be one of "x", "y"']] }],
    ['a too long', { given: 'a=abcd', want: [['a', 'maxLength', 'must be at most 3 characters']] }],
    ['b not matching', { given: 'b=c1', want: [['b', 'pattern', 'must match ^b[0-9]+$']] }],
    ['limit twice', { given: 'a=1&limit=1&limit=2', want: [['limit', 'single', 'must be sent once']] }],
    [
      'neither of the oneof',
      { given: 'limit=1', want: [['a, b', 'oneof', 'exactly one of a or b must be set']] },
    ],
    [
      'both of the oneof',
      { given: 'a=1&b=b1', want: [['a, b', 'oneof', 'exactly one of a or b must be set, got a and b']] },
    ],
    ['from after to', { given: 'a=1&from=3&to=2', want: [['from, to', 'range', 'from must be <= to']] }],
  ])('%s', (_, { given, want }) => {
    expect(run(given).violations.map((v) => [v.name, v.keyword, v.message])).toEqual(want);
  });
  it('checks path parameters', () => {
    expect(run('a=1', 'toolong').violations.map((v) => [v.in, v.name, v.keyword])).toEqual([
      ['path', 'project', 'maxLength'],
    ]);
  });
  it('returns typed values', () => {
    expect(run('a=1&limit=3&flag=false&tags=x').params).toEqual({
      project: 'p1',
      a: '1',
      limit: 3,
      flag: false,
      tags: ['x'],
    });
  });
});

describe('unknown query parameters', () => {
  it.each([
    ['none', { given: 'a=1', want: { warnings: [], strict: [] } }],
    [
      'a typo: a warning; strict: the first violation, naming what the operation takes',
      {
        given: 'a=1&limti=2',
        want: {
          warnings: [
            'unknown query parameter "limti" ignored (listThings takes limit, kind, flag, tags, a, b, from, to)',
          ],
          strict: [
            [
              'limti',
              'unknown',
              'is not a parameter: listThings takes limit, kind, flag, tags, a, b, from, to',
            ],
          ],
        },
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(run(given).warnings).toEqual(want.warnings);
    expect(run(given).violations).toEqual([]);
    const strict = createRequestValidator(ajv, op!, { strict: true });
    const check = strict({ query: new URLSearchParams(given), headers: {}, pathParams: { project: 'p1' } });
    expect(check.violations.map((v) => [v.name, v.keyword, v.message])).toEqual(want.strict);
    expect(check.warnings).toEqual([]);
  });
});

describe('exact int64', () => {
  const text =
    '{"a":{"maximum":9223372036854775807,"minimum":-9223372036854775808,"small":5},"s":"9223372036854775807","l":[12345678901234567890]}';
  const parsed = parseJsonExact(text) as Record<string, Record<string | symbol, unknown>>;
  it('keeps the digits beside the rounded numbers; strings and safe numbers untouched', () => {
    expect(parsed.a!.maximum).toBe(2 ** 63);
    expect(parsed.a![EXACT_INTEGERS]).toEqual({
      maximum: '9223372036854775807',
      minimum: '-9223372036854775808',
    });
    expect(exactInteger(parsed.a as never, 'maximum')).toBe(9223372036854775807n);
    expect(exactInteger(parsed.a as never, 'small')).toBe(5n);
    expect(parsed.s).toBe('9223372036854775807');
    expect((parsed.l as unknown as Record<symbol, unknown>)[EXACT_INTEGERS]).toEqual({
      0: '12345678901234567890',
    });
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(JSON.parse(text)));
  });

  const schema = parseJsonExact(
    '{"type":"integer","format":"int64","minimum":0,"maximum":9223372036854775807}',
  ) as never;
  const int64Op: Operation = {
    method: 'get',
    path: '/t',
    operationId: 'times',
    parameters: [
      { name: 'start', in: 'query', schema },
      { name: 'end', in: 'query', schema },
      { name: 'n', in: 'query', schema: { type: 'integer', format: 'int64' } },
      { name: 'plain', in: 'query', schema: { type: 'integer', minimum: 0 } },
      { name: 'small', in: 'query', schema: { type: 'integer', format: 'int32' } },
    ],
    responses: {},
    raw: { 'x-scanapis-ranges': [['start', 'end']] },
    pattern: /^\/t$/,
  };
  const check = createRequestValidator(ajv, int64Op);
  const q = (query: string) => check({ query: new URLSearchParams(query), headers: {}, pathParams: {} });
  it.each([
    [
      'the int64 maximum, exactly',
      {
        given: 'start=9223372036854775807',
        want: { params: { start: 9223372036854775807n }, violations: [] },
      },
    ],
    [
      'one above it, named with the exact bound',
      {
        given: 'start=9223372036854775808',
        want: {
          params: {},
          violations: [['start', 'maximum', 'must be <= 9223372036854775807', '9223372036854775807']],
        },
      },
    ],
    [
      'far above it',
      {
        given: 'end=99999999999999999999',
        want: {
          params: {},
          violations: [['end', 'maximum', 'must be <= 9223372036854775807', '9223372036854775807']],
        },
      },
    ],
    [
      '2^53 + 1 stays exact',
      { given: 'start=9007199254740993', want: { params: { start: 9007199254740993n }, violations: [] } },
    ],
    ['a safe value is a number', { given: 'start=5', want: { params: { start: 5 }, violations: [] } }],
    [
      'int64 without bounds is bounded by int64',
      {
        given: 'n=-9223372036854775809',
        want: {
          params: {},
          violations: [['n', 'minimum', 'must be >= -9223372036854775808', '-9223372036854775808']],
        },
      },
    ],
    [
      'an integer without a format: refused beyond what a JSON number holds exactly',
      {
        given: 'plain=9007199254740992',
        want: {
          params: {},
          violations: [['plain', 'maximum', 'must be <= 9007199254740991', '9007199254740991']],
        },
      },
    ],
    [
      'int32 without bounds is bounded by int32',
      {
        given: 'small=2147483648',
        want: { params: {}, violations: [['small', 'maximum', 'must be <= 2147483647', '2147483647']] },
      },
    ],
    [
      'ranges compare exactly',
      {
        given: 'start=9007199254740993&end=9007199254740992',
        want: {
          params: { start: 9007199254740993n, end: 9007199254740992n },
          violations: [['start, end', 'range', 'start must be <= end', undefined]],
        },
      },
    ],
  ])('%s', (_, { given, want }) => {
    const out = q(given);
    expect(out.params).toEqual(want.params);
    expect(out.violations.map((v) => [v.name, v.keyword, v.message, v.limit])).toEqual(want.violations);
  });
});

describe('checkResponse', () => {
  const uuid = '123e4567-e89b-42d3-a456-426614174000';
  it.each([
    [
      'a conforming response',
      { given: { status: 200, h: { 'x-count': '1' }, body: { items: [uuid] } }, want: [] },
    ],
    [
      'an undeclared status',
      { given: { status: 418, h: {}, body: {} }, want: ['status 418 is not declared for listThings'] },
    ],
    [
      'a missing required header',
      { given: { status: 200, h: {}, body: { items: [] } }, want: ['header X-Count is required'] },
    ],
    [
      'a bad header',
      {
        given: { status: 200, h: { 'x-count': '-1' }, body: { items: [] } },
        want: ['header X-Count must be >= 0'],
      },
    ],
    [
      'a bad body',
      {
        given: { status: 200, h: { 'x-count': '0' }, body: { items: ['nope'] } },
        want: ['body/items/0 must be a valid uuid'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(
      checkResponse(ajv, op!, {
        status: given.status,
        headers: given.h,
        body: given.body,
        contentType: 'application/json',
      }),
    ).toEqual(want);
  });
});

describe('checkResponse remembers only header values that passed', () => {
  const check = (count: string, memo?: boolean) =>
    checkResponse(
      ajv,
      op!,
      { status: 200, headers: { 'x-count': count }, body: { items: [] }, contentType: 'application/json' },
      memo === undefined ? {} : { memo },
    );
  it.each([
    ['a value that passed, again', { given: ['7', '7'], want: [[], []] }],
    ['a bad value after a good one', { given: ['7', '-1'], want: [[], ['header X-Count must be >= 0']] }],
    ['a good value after a bad one', { given: ['-1', '7'], want: [['header X-Count must be >= 0'], []] }],
    [
      'the bad value again after a good one',
      {
        given: ['-1', '7', '-1'],
        want: [['header X-Count must be >= 0'], [], ['header X-Count must be >= 0']],
      },
    ],
    [
      'not an integer after an integer',
      { given: ['3', 'x'], want: [[], ['header X-Count must be an integer (got "x")']] },
    ],
  ])('%s', (_, { given, want }) => {
    expect(given.map((count) => check(count))).toEqual(want);
    expect(given.map((count) => check(count, false))).toEqual(want);
  });

  it('reads a Headers object as a record', () => {
    const parts = { status: 200, body: { items: [] }, contentType: 'application/json' };
    expect(checkResponse(ajv, op!, { ...parts, headers: new Headers({ 'X-Count': '2' }) })).toEqual([]);
    expect(checkResponse(ajv, op!, { ...parts, headers: new Headers({ 'X-Count': '-2' }) })).toEqual([
      'header X-Count must be >= 0',
    ]);
    expect(checkResponse(ajv, op!, { ...parts, headers: new Headers() })).toEqual([
      'header X-Count is required',
    ]);
  });
});

describe('describeSchema', () => {
  it.each([
    [{ type: 'integer', minimum: 1, maximum: 1000 }, 'an integer from 1 to 1000'],
    [{ type: 'integer', minimum: 0 }, 'an integer >= 0'],
    [{ type: 'string', enum: ['asc', 'desc'] }, 'one of "asc", "desc"'],
    [{ type: 'string', maxLength: 50 }, 'a string of at most 50 characters'],
    [{ type: 'string', minLength: 1, maxLength: 256 }, 'a string of 1 to 256 characters'],
    [{ type: 'boolean' }, 'true or false'],
  ])('%j → %s', (schema, want) => {
    expect(describeSchema(schema)).toBe(want);
  });
});
