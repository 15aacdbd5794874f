/**
 * The mock's public test credentials. They are documented (README, `pnpm start`'s table) and
 * work only against this mock: Gecko's real keys are issued per team in its dashboard.
 */

/** A key whose role includes `scans.read`: `GET /api/v1/scans` answers 200. */
export const TEST_API_KEY = 'gk_test_scans_read';

/** A known key whose role lacks `scans.read`: `GET /api/v1/scans` answers 403. */
export const TEST_API_KEY_WITHOUT_SCANS_READ = 'gk_test_no_scans_read';

/** The permissions of each key the mock knows; any other `gk_` key is `Invalid API key`. */
export const TEST_KEYS: Readonly<Record<string, readonly string[]>> = {
  [TEST_API_KEY]: ['scans.read'],
  [TEST_API_KEY_WITHOUT_SCANS_READ]: [],
};

/** One line for `pnpm start`'s table of test credentials. */
export const testCredentials = `X-API-Key: ${TEST_API_KEY} (${TEST_API_KEY_WITHOUT_SCANS_READ} → 403)`;
