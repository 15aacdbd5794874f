// Install: pnpm add @scanapis/container-registry
import { createContainerRegistryClient, type Image } from '@scanapis/container-registry';

// 1. Create the client: an IAM token (sent as `Authorization: Bearer …`; t1.scanapis-test-token is
//    the mock's) and the cloud, 'yandex' or 'nebius-il'; leave out baseUrl to call the cloud.
const registry = createContainerRegistryClient({
  iamToken: process.env.IAM_TOKEN ?? 't1.scanapis-test-token',
  cloud: 'yandex',
  baseUrl: process.env.CONTAINER_REGISTRY_BASE_URL ?? 'http://127.0.0.1:4010', // the local mock
});

// 2. List: Scanner.list takes exactly one of imageId or repositoryId (the oneof).
//    An error answer throws a ScanApiError with its kind, status and gRPC code.
const scans = await registry.scans.list({ imageId: 'crpbbr7fclo5hrasp6nh', pageSize: 50 });
// proto3 JSON leaves out empty lists and default values: an empty page is `{}`.
console.log(`${scans.scanResults?.length ?? 0} scan results for the image`);

// 3. Every image of a registry: iterating sends nextPageToken back as pageToken
//    (registry.paginate('/container-registry/v1/images', …) does the same over the path).
const images: Image[] = [];
for await (const image of registry.images.list({ registryId: 'crpc9qeoft236r8tpvt7', pageSize: 100 })) {
  images.push(image);
}
console.log(`read all ${images.length} images`);
