/**
 * The dataset size a test run's mocks serve: `SCANAPIS_MOCK_SIZE=<n>` (a whole number), else
 * (unset or empty) `undefined` — each mock's own default. Read by the globalSetup (the run-wide server), by
 * installTransport (the in-process fetch and MSW mocks every file shares) and by tests that
 * derive their expectations from the dataset the run serves, so every transport serves the same
 * data and every expectation follows it.
 */
export function runMockSize(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const sized = env.SCANAPIS_MOCK_SIZE;
  if (sized === undefined || sized === '') return undefined;
  if (!/^\d+$/.test(sized))
    throw new Error(`SCANAPIS_MOCK_SIZE must be a whole number, got ${JSON.stringify(sized)}`);
  return Number(sized);
}
