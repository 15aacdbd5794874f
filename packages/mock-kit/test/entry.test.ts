import { fileURLToPath } from 'node:url';
import { importLoads } from '@scanapis/contract-kit';
import { describe, expect, it } from 'vitest';

// msw is an optional peer dependency: only the /msw entry may load it.
describe('which entry loads msw (a fresh Node process each, msw refused by a resolve hook)', () => {
  it.each([
    ['the main entry never does', { given: '../dist/index.js', want: false }],
    ['the /msw entry does', { given: '../dist/msw.js', want: true }],
  ])(
    '%s',
    (_, { given, want }) => {
      expect(importLoads(fileURLToPath(new URL(given, import.meta.url)), 'msw')).toBe(want);
    },
    90_000,
  ); // a fresh Node process importing the whole entry: slow on a loaded machine
});
