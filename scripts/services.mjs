// The services `pnpm start` runs and `pnpm bench` measures: one row per API, in port order, with
// the request `pnpm start` prints for each (`tryRequest(module)` → a header and a path).
export const services = [
  {
    api: 'container-registry',
    title: 'Container Registry (Yandex Cloud / Nebius Israel)',
    // Imported by path: the root package depends on no workspace package, so that editing one
    // API's spec does not change turbo's global hash.
    module: new URL('../packages/container-registry-mock/dist/index.js', import.meta.url).href,
    port: 4010,
    /** A request a user can paste: the test token and the spec's example registry (every dataset has it). */
    tryRequest: (/** @type {{ TEST_TOKEN: string, SPEC_EXAMPLES: { registryId: string } }} */ mod) => ({
      header: `Authorization: Bearer ${mod.TEST_TOKEN}`,
      path: `/container-registry/v1/images?registryId=${mod.SPEC_EXAMPLES.registryId}&pageSize=5`,
    }),
  },
  {
    api: 'hss',
    title: 'Huawei Cloud HSS',
    module: new URL('../packages/hss-mock/dist/index.js', import.meta.url).href,
    port: 4011,
    tryRequest: (/** @type {{ TEST_TOKEN: string, TEST_PROJECT_ID: string }} */ mod) => ({
      header: `X-Auth-Token: ${mod.TEST_TOKEN}`,
      path: `/v5/${mod.TEST_PROJECT_ID}/image/registries/images?limit=5`,
    }),
    /** What curl cannot do in one line. */
    note: 'AK/SK requests are signed by the client (@scanapis/hss) or @scanapis/huawei-signer',
  },
  {
    api: 'gecko',
    title: 'Gecko SAST',
    module: new URL('../packages/gecko-mock/dist/index.js', import.meta.url).href,
    port: 4012,
    tryRequest: (/** @type {{ TEST_API_KEY: string }} */ mod) => ({
      header: `X-API-Key: ${mod.TEST_API_KEY}`,
      path: '/api/v1/scans?limit=5',
    }),
  },
];
