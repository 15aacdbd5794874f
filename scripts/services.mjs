// The services `pnpm start` runs and `pnpm bench` measures: one row per API, in port order.
export const services = [
  {
    api: 'container-registry',
    title: 'Container Registry (Yandex Cloud / Nebius Israel)',
    module: '@scanapis/container-registry-mock',
    port: 4010,
    credentials: 'Authorization: Bearer <any non-empty token>',
  },
  {
    api: 'hss',
    title: 'Huawei Cloud HSS',
    module: '@scanapis/hss-mock',
    port: 4011,
    credentials: 'X-Auth-Token: <any non-empty token>, or AK/SK signing',
  },
  {
    api: 'gecko',
    title: 'Gecko SAST',
    module: '@scanapis/gecko-mock',
    port: 4012,
    credentials: 'X-API-Key: gk_<anything>',
  },
];
