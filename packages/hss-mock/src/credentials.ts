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
 * Temporary AK/SK credentials (what IAM's security-token API hands out): the access key, its
 * secret key and the security token a signed request sends in `X-Security-Token`. A public test
 * triple; an unknown security token, or none, is refused as the gateway refuses it.
 */
export const TEST_TEMPORARY_ACCESS_KEY = 'HSSMOCKTEMPAK000000';
/** The secret access key paired with `TEST_TEMPORARY_ACCESS_KEY`. A public test value. */
export const TEST_TEMPORARY_SECRET_KEY = 'hss-mock-temporary-secret-key-00000000';
/** The security token that goes with `TEST_TEMPORARY_ACCESS_KEY` (`X-Security-Token`). A public test value. */
export const TEST_SECURITY_TOKEN = 'hss-mock-test-security-token';

/** Temporary credentials: access key → its secret key and security token. */
export type TemporaryCredentials = Readonly<Record<string, { secretKey: string; securityToken: string }>>;

/** The temporary triple the mock accepts by default. */
export const TEST_TEMPORARY_CREDENTIALS: TemporaryCredentials = {
  [TEST_TEMPORARY_ACCESS_KEY]: { secretKey: TEST_TEMPORARY_SECRET_KEY, securityToken: TEST_SECURITY_TOKEN },
};

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
  /** Temporary AK/SK with their security tokens (default the test triple). */
  temporary?: TemporaryCredentials;
  /** The project that holds the dataset (default `TEST_PROJECT_ID`). */
  projectId?: string;
}

/** One line for `pnpm start`'s table of test credentials. */
export const testCredentials = `X-Auth-Token: ${TEST_TOKEN}, or AK/SK ${TEST_ACCESS_KEY} / ${TEST_SECRET_KEY}, or temporary AK/SK ${TEST_TEMPORARY_ACCESS_KEY} / ${TEST_TEMPORARY_SECRET_KEY} with X-Security-Token ${TEST_SECURITY_TOKEN}; project_id ${TEST_PROJECT_ID}`;
