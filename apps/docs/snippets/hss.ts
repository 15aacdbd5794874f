// Install: pnpm add @scanapis/hss
import { createHssClient, type RegistryImagesInfo } from '@scanapis/hss';

// 1. Create the client for a region and project, with an IAM token (X-Auth-Token) or an access
//    key pair (AK/SK signing). hss-test-token is the mock's token; leave out baseUrl to call
//    https://hss.<region>.myhuaweicloud.com.
const hss = createHssClient({
  region: 'ap-southeast-1',
  projectId: process.env.HSS_PROJECT_ID ?? '2b8f0e5a9c3d4e6f8a1b2c3d4e5f6a7b',
  auth: { token: process.env.HSS_TOKEN ?? 'hss-test-token' }, // or { accessKey, secretKey }
  baseUrl: process.env.HSS_BASE_URL ?? 'http://127.0.0.1:4011', // the local mock
});

// 2. List one page of repository images (an error answer throws a ScanApiError).
const first = await hss.registryImages.list({ limit: 20 });
console.log(`${first.total_num ?? 0} images; the first page has ${first.data_list?.length ?? 0}`);

// 3. Every image: iterating the same call advances offset by limit until it reaches total_num
//    (hss.paginate('/v5/{project_id}/image/registries/images', …) does the same over the path).
const images: RegistryImagesInfo[] = [];
for await (const image of hss.registryImages.list({ limit: 100 })) {
  images.push(image);
}
console.log(`read all ${images.length} images`);
