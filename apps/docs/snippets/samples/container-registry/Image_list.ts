// Image.list with @scanapis/container-registry (pnpm add @scanapis/container-registry). The
// defaults call the local mock (`pnpm start`) with its test token; leave out baseUrl and pass an
// IAM token to call Yandex Cloud (cloud: 'nebius-il' for Nebius Israel).
import { createContainerRegistryClient } from '@scanapis/container-registry';

const registry = createContainerRegistryClient({
  iamToken: process.env.IAM_TOKEN ?? 't1.scanapis-test-token',
  cloud: 'yandex',
  baseUrl: process.env.CONTAINER_REGISTRY_BASE_URL ?? 'http://127.0.0.1:4010',
});

// One page of a registry's images (an error answer throws a ScanApiError).
const data = await registry.images.list({ registryId: 'crpc9qeoft236r8tpvt7', pageSize: 20 });
console.log(`this page has ${data.images?.length ?? 0} images`);

// Every image of the registry: iterating sends nextPageToken back as pageToken.
const names = new Set<string>();
for await (const image of registry.images.list({ registryId: 'crpc9qeoft236r8tpvt7', pageSize: 100 })) {
  names.add(image.name);
}
console.log(`${names.size} repositories hold images in the registry`);
