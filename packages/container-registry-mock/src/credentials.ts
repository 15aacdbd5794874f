import { imageAt, type RegistryDataset } from './data.js';

/**
 * The IAM token the behavioural mock accepts, with every role on every folder of its dataset.
 * Public and documented: it means nothing to the real service.
 */
export const TEST_TOKEN = 't1.scanapis-test-token';

/**
 * A token the mock knows but whose account has no role: every request that passes validation is
 * answered 403 `PERMISSION_DENIED` (code 7).
 */
export const NO_ACCESS_TOKEN = 't1.scanapis-no-access';

/** The tokens the behavioural mock knows, and what each may do. */
export const TOKENS: Readonly<Record<string, { access: boolean }>> = {
  [TEST_TOKEN]: { access: true },
  [NO_ACCESS_TOKEN]: { access: false },
};

/** One line for `pnpm start`'s table of test credentials. */
export const testCredentials = `Authorization: Bearer ${TEST_TOKEN} (no roles, 403: ${NO_ACCESS_TOKEN})`;

/** IDs from a dataset that a user can paste into a request. */
export interface SampleIds {
  folderId: string;
  registryId: string;
  repositoryId: string;
  repositoryName: string;
  imageId: string;
}

/**
 * The first folder, registry, repository and image of a dataset: with the default data these are
 * the spec's own example IDs (`b1g88tflru0ek1omtsu0`, `crpc9qeoft236r8tpvt7`,
 * `crp2ln7vk3oh5qiu9s1e` = `crpc9qeoft236r8tpvt7/ubuntu`, `crpbbr7fclo5hrasp6nh`).
 */
export function sampleIds(dataset: RegistryDataset): SampleIds {
  const repository = dataset.repositories[0]!;
  return {
    folderId: dataset.folders[0]!.id,
    registryId: dataset.registries[0]!.id,
    repositoryId: repository.id,
    repositoryName: repository.name,
    // An empty dataset (size 0) has no image: the first example image's ID, which then 404s.
    imageId: dataset.size > 0 ? imageAt(dataset, 0).json.id : 'crpbbr7fclo5hrasp6nh',
  };
}
