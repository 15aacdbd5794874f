// The services `pnpm start` runs and `pnpm bench` measures: one row per API, in port order.
export const services = [
  {
    api: 'container-registry',
    title: 'Container Registry (Yandex Cloud / Nebius Israel)',
    // Imported by path: the root package depends on no workspace package, so that editing one
    // API's spec does not change turbo's global hash.
    module: new URL('../packages/container-registry-mock/dist/index.js', import.meta.url).href,
    port: 4010,
  },
  {
    api: 'hss',
    title: 'Huawei Cloud HSS',
    module: new URL('../packages/hss-mock/dist/index.js', import.meta.url).href,
    port: 4011,
  },
  {
    api: 'gecko',
    title: 'Gecko SAST',
    module: new URL('../packages/gecko-mock/dist/index.js', import.meta.url).href,
    port: 4012,
  },
];
