import { fileURLToPath } from 'node:url';
import { listOperations, loadSpec, type Operation, parseJsonExact } from '@scanapis/spec-tools';
import { describe, expect, it } from 'vitest';
import { baselineRequest, boundaryCases, collectExamples } from '../src/index.js';

const doc = loadSpec(fileURLToPath(new URL('../../spec-tools/test/fixtures/tiny.json', import.meta.url)));
const [op] = listOperations(doc);

describe('baselineRequest', () => {
  it('fills required parameters and the first of each oneof group', () => {
    // The fixture has no examples: `a` has none and no enum, so the baseline cannot be built.
    expect(() => baselineRequest(op!)).toThrow('listThings: parameter project needs an example');
  });
});

describe('boundaryCases', () => {
  const withExamples = {
    ...op!,
    parameters: op!.parameters.map((p) => ({ ...p, example: { project: 'p1', a: 'abc', b: 'b1' }[p.name] })),
  };
  const rows = boundaryCases(withExamples);
  const names = rows.map(([name]) => name);

  it.each([
    ['limit = minimum 1 → accept'],
    ['limit = minimum - 1 (0) → reject'],
    ['limit = maximum 10 → accept'],
    ['limit = maximum + 1 (11) → reject'],
    ['limit not a number ("abc") → reject'],
    ['limit a fraction (1.5) → reject'],
    ['kind = enum "x" → accept'],
    ['kind = enum "y" → accept'],
    ['kind outside the enum → reject'],
    ['flag not a boolean ("yes") → reject'],
    ['a of maxLength 3 → accept'],
    ['a of maxLength + 1 (4) → reject'],
    ['b the example (matches the pattern) → accept'],
    ['b not matching the pattern → reject'],
    ['project of maxLength + 1 (5) → reject'],
    ['a|b neither of the oneof → reject'],
    ['a|b all of the oneof → reject'],
    ['a|b only b → accept'],
    ['from..to start after end → reject'],
    ['a sent twice → reject'],
  ])('generates %s', (name) => {
    expect(names).toContain(name);
  });

  it('builds each case from the baseline', () => {
    const row = rows.find(([name]) => name === 'limit = maximum + 1 (11) → reject')!;
    expect(row[1].given).toEqual({
      query: { a: 'abc', limit: '11' },
      pathParams: { project: 'p1' },
      headers: {},
    });
  });
});

describe('collectExamples', () => {
  it('finds media-type, parameter and schema examples', () => {
    const found = collectExamples({
      ...doc,
      components: {
        ...doc.components,
        schemas: {
          ...(doc.components?.schemas as object),
          Thing: { type: 'string', example: 'x', examples: ['y'] },
        },
        parameters: {
          ...(doc.components?.parameters as object),
          P: { name: 'p', in: 'query', schema: { type: 'integer' }, example: 3 },
        },
      },
    });
    expect(found.map((e) => [e.where, e.value]).sort()).toEqual([
      ['components.parameters.P.example', 3],
      ['components.schemas.Thing.example', 'x'],
      ['components.schemas.Thing.examples.0', 'y'],
    ]);
  });
});

describe('boundaryCases with a oneof group', () => {
  const withExamples = {
    ...op!,
    parameters: op!.parameters.map((p) => ({ ...p, example: { project: 'p1', a: 'abc', b: 'b1' }[p.name] })),
  };
  const rows = boundaryCases(withExamples);
  it.each([
    [
      'b of the group is tested alone',
      { given: 'b not matching the pattern → reject', want: { b: 'no spaces allowed ✗' } },
    ],
    ['a of the group is tested alone', { given: 'a of maxLength + 1 (4) → reject', want: { a: 'abca' } }],
  ])('%s', (_, { given, want }) => {
    const row = rows.find(([name]) => name === given);
    expect(row?.[1].given.query).toEqual(want);
  });
});

describe('boundaryCases with an int64 bound beyond 2^53', () => {
  const schema = parseJsonExact(
    '{"type":"integer","format":"int64","minimum":0,"maximum":9223372036854775807}',
  );
  const int64Op: Operation = {
    method: 'get',
    path: '/t',
    operationId: 'times',
    parameters: [{ name: 'end', in: 'query', schema: schema as never, example: 5 }],
    responses: {},
    raw: {},
    pattern: /^\/t$/,
  };
  const rows = boundaryCases(int64Op);
  it.each([
    ['end = maximum 9223372036854775807 (exact) → accept', '9223372036854775807'],
    ['end = maximum + 1 (9223372036854775808, exact) → reject', '9223372036854775808'],
  ])('%s', (name, value) => {
    const row = rows.find(([n]) => n === name);
    expect(row?.[1].given.query).toEqual({ end: value });
  });
});
