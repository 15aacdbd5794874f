// ListRegistryImages with @scanapis/hss (pnpm add @scanapis/hss). The defaults call the local mock
// (`pnpm start`) with its test token and project; leave out baseUrl to call
// https://hss.<region>.myhuaweicloud.com with your IAM token (or auth: { accessKey, secretKey }).
import { createHssClient } from '@scanapis/hss';

const hss = createHssClient({
  region: 'ap-southeast-1',
  projectId: process.env.HSS_PROJECT_ID ?? '2b8f0e5a9c3d4e6f8a1b2c3d4e5f6a7b',
  auth: { token: process.env.HSS_TOKEN ?? 'hss-test-token' },
  baseUrl: process.env.HSS_BASE_URL ?? 'http://127.0.0.1:4011',
});

// One page of the project's repository images (an error answer throws a ScanApiError).
const data = await hss.registryImages.list({ limit: 20 });
console.log(`${data.total_num ?? 0} images; this page has ${data.data_list?.length ?? 0}`);

// Every image: iterating advances offset by limit until it reaches total_num.
let vulnerable = 0;
for await (const image of hss.registryImages.list({ limit: 100 })) {
  if (image.vul_num) vulnerable += 1;
}
console.log(`${vulnerable} images with vulnerabilities`);
