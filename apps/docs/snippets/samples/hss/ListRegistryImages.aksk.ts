// ListRegistryImages signed with an access key pair (AK/SK, SDK-HMAC-SHA256) and plain fetch:
// @scanapis/huawei-signer (pnpm add @scanapis/huawei-signer) computes the same Authorization and
// X-Sdk-Date headers as Huawei's SDKs. The defaults call the local mock (`pnpm start`) with its
// public test key pair; set HSS_BASE_URL=https://hss.ap-southeast-1.myhuaweicloud.com and your keys
// to call Huawei Cloud.
import { signRequest } from '@scanapis/huawei-signer';

const baseUrl = process.env.HSS_BASE_URL ?? 'http://127.0.0.1:4011';
const projectId = process.env.HSS_PROJECT_ID ?? '2b8f0e5a9c3d4e6f8a1b2c3d4e5f6a7b';
const url = new URL(`${baseUrl}/v5/${projectId}/image/registries/images`);
url.searchParams.set('limit', '20');

// The signature covers the method, path, query and headers: sign exactly what you send.
const signed = await signRequest(
  { method: 'GET', url },
  {
    accessKey: process.env.HUAWEICLOUD_SDK_AK ?? 'HSSMOCKTESTAK000000',
    secretKey: process.env.HUAWEICLOUD_SDK_SK ?? 'hss-mock-test-secret-key-0000000000000',
  },
);
const response = await fetch(url, { headers: signed });
const body = await response.json();
if (!response.ok) throw new Error(`HSS: ${response.status} ${body.error_code} ${body.error_msg}`);
console.log(`${body.total_num} images; this page has ${body.data_list.length}`);
