import { readFileSync } from 'node:fs';
import { contractSuite, staticModeSuite } from '@scanapis/contract-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, specFile, startMock, TEST_API_KEY } from '../src/index.js';
import { auth, triggers } from './triggers.js';

// `--static` (Prism's examples) keeps passing the same contract suite as the behavioural mock.
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ static: true });
});
afterAll(() => mock.close());

contractSuite({ specFile, baseUrl: () => mock.url, auth, triggers });

describe('static: true answers with the spec’s example whatever the query', () => {
  const spec = JSON.parse(readFileSync(specFile, 'utf8'));
  const example = spec.paths['/api/v1/scans'].get.responses['200'].content['application/json'].example;
  it.each([
    ['no query', { given: '', want: example }],
    ['a filter and a page', { given: '?status=failed&language=go&limit=3&offset=50', want: example }],
  ])('%s', async (_, { given, want }) => {
    const res = await fetch(`${mock.url}/api/v1/scans${given}`, { headers: { 'X-API-Key': TEST_API_KEY } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(want);
  });
});

// Shared with every static mock: any well-formed credential, and Prefer asking for what is not declared.
staticModeSuite({
  specFile,
  baseUrl: () => mock.url,
  auth,
  wellFormedAuth: { 'X-API-Key': 'gk_a_key_the_mock_never_saw' },
});
