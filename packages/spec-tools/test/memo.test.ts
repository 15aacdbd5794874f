import { describe, expect, it } from 'vitest';
import { checkResponse, compileMemoized, createAjv, isDeepFrozen, type Operation } from '../src/index.js';

const ajv = createAjv();
const item = {
  type: 'object',
  required: ['id', 'at', 'counts'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', format: 'uuid' },
    at: { type: 'string', format: 'date-time' },
    counts: { type: 'object', properties: { n: { type: 'integer', minimum: 0 } }, required: ['n'] },
  },
};
const schema = {
  type: 'object',
  required: ['data', 'total'],
  properties: { data: { type: 'array', items: item }, total: { type: 'integer', minimum: 0 } },
};
const operation = {
  operationId: 'list',
  responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } },
} as unknown as Operation;

const good = () => ({
  id: '123e4567-e89b-42d3-a456-426614174000',
  at: '2025-01-02T03:04:05Z',
  counts: { n: 1 },
});
const frozen = <T>(v: T): T => {
  if (v !== null && typeof v === 'object') {
    for (const x of Object.values(v)) frozen(x);
    Object.freeze(v);
  }
  return v;
};
const check = (body: unknown, memo: boolean) =>
  checkResponse(
    ajv,
    operation,
    { status: 200, headers: {}, body, contentType: 'application/json' },
    { memo },
  );

describe('checkResponse: the memo says what the full check says', () => {
  const shared = frozen(good());
  const shallow = Object.freeze({ ...good(), counts: { n: 1 } });
  it.each([
    ['frozen valid items', { given: () => ({ data: [shared, shared], total: 2 }) }],
    ['the same frozen items again (remembered)', { given: () => ({ data: [shared], total: 1 }) }],
    [
      'a remembered item under an envelope that breaks the spec',
      { given: () => ({ data: [shared], total: -1 }) },
    ],
    [
      'a frozen item that breaks the spec',
      { given: () => ({ data: [frozen({ ...good(), id: 'nope' })], total: 1 }) },
    ],
    ['items not frozen', { given: () => ({ data: [good(), { ...good(), at: 'yesterday' }], total: 2 }) }],
    ['an extra field', { given: () => ({ data: [frozen({ ...good(), extra: 1 })], total: 1 }) }],
    ['no data', { given: () => ({ total: 0 }) }],
  ])('%s', (_, { given }) => {
    expect(check(given(), true)).toEqual(check(given(), false));
  });

  it('an item frozen only at the top is checked again, so a change inside it is seen', () => {
    expect(check({ data: [shallow], total: 1 }, true)).toEqual([]);
    shallow.counts.n = -5;
    const want = check({ data: [shallow], total: 1 }, false);
    expect(want).toEqual(['body/data/0/counts/n must be >= 0']);
    expect(check({ data: [shallow], total: 1 }, true)).toEqual(want);
  });

  it('isDeepFrozen', () => {
    expect([isDeepFrozen(shared), isDeepFrozen(shallow), isDeepFrozen(good()), isDeepFrozen(3)]).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  it('compileMemoized is compiled once per schema and agrees with a fresh full validator on a fuzzed stream', () => {
    expect(compileMemoized(ajv, schema)).toBe(compileMemoized(ajv, schema));
    const pool = [
      shared,
      frozen(good()),
      frozen({ ...good(), at: 'x' }),
      good(),
      frozen({ ...good(), counts: { n: -1 } }),
    ];
    for (let i = 0; i < 200; i++) {
      const data = [pool[i % 5]!, pool[(i * 7) % 5]!, pool[(i * 3 + 1) % 5]!];
      expect(check({ data, total: i % 4 === 0 ? -1 : 3 }, true)).toEqual(
        check({ data, total: i % 4 === 0 ? -1 : 3 }, false),
      );
    }
  });
});
