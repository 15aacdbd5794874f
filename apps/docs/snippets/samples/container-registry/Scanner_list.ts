// Scanner.list with @scanapis/container-registry (pnpm add @scanapis/container-registry). The
// defaults call the local mock (`pnpm start`) with its test token; leave out baseUrl and pass an
// IAM token to call Yandex Cloud (cloud: 'nebius-il' for Nebius Israel).
import { createContainerRegistryClient } from '@scanapis/container-registry';

const registry = createContainerRegistryClient({
  iamToken: process.env.IAM_TOKEN ?? 't1.scanapis-test-token',
  cloud: 'yandex',
  baseUrl: process.env.CONTAINER_REGISTRY_BASE_URL ?? 'http://127.0.0.1:4010',
});

// One page of an image's scan results: exactly one of imageId or repositoryId.
// An error answer throws a ScanApiError.
const data = await registry.scans.list({ imageId: 'crpbbr7fclo5hrasp6nh', pageSize: 20 });
// proto3 JSON leaves out empty lists: an empty page is `{}`.
console.log(`this page has ${data.scanResults?.length ?? 0} scan results`);

// Every scan result of a repository: iterating sends nextPageToken back as pageToken.
let ready = 0;
for await (const scan of registry.scans.list({ repositoryId: 'crp2ln7vk3oh5qiu9s1e', pageSize: 100 })) {
  if (scan.status === 'READY') ready += 1;
}
console.log(`${ready} finished scans in the repository`);
