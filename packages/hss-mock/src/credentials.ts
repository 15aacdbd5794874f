/**
 * The mock's public test credentials. They are documented (README, `pnpm start`'s table) and open
 * nothing but this mock: real IAM tokens and AK/SK pairs are issued by Huawei Cloud IAM.
 */

/** The IAM token the behavioural mock accepts in `X-Auth-Token` (any other token → 401). */
export const TEST_TOKEN = 'hss-test-token';

/** The access key ID the mock accepts for AK/SK signing. A public test value. */
export const TEST_ACCESS_KEY = 'HSSMOCKTESTAK000000';
/** The secret access key paired with `TEST_ACCESS_KEY`. A public test value, not a secret. */
export const TEST_SECRET_KEY = 'hss-mock-test-secret-key-0000000000000';

/**
 * The project that holds the mock's images: the `project_id` of the spec's examples. Any other
 * project id is a project without images (200, `total_num: 0`).
 */
export const TEST_PROJECT_ID = '2b8f0e5a9c3d4e6f8a1b2c3d4e5f6a7b';

/** What the behavioural mock accepts; every field defaults to the public test value. */
export interface HssMockCredentials {
  /** `X-Auth-Token` values accepted (default `[TEST_TOKEN]`). */
  tokens?: readonly string[];
  /** Access key ID → secret access key pairs accepted for AK/SK signing (default the test pair). */
  accessKeys?: Readonly<Record<string, string>>;
  /** The project that holds the dataset (default `TEST_PROJECT_ID`). */
  projectId?: string;
}

/** One line for `pnpm start`'s table of test credentials. */
export const testCredentials = `X-Auth-Token: ${TEST_TOKEN}, or AK/SK ${TEST_ACCESS_KEY} / ${TEST_SECRET_KEY}; project_id ${TEST_PROJECT_ID}`;
