// Install: pnpm add @scanapis/gecko
import { createGeckoClient, type ScanSummary } from '@scanapis/gecko';

// 1. Create the client. Gecko keys start with `gk_` (gk_test_scans_read is the mock's test key);
//    leave out baseUrl to call https://app.gecko.security.
const gecko = createGeckoClient({
  apiKey: process.env.GECKO_API_KEY ?? 'gk_test_scans_read',
  baseUrl: process.env.GECKO_BASE_URL ?? 'http://127.0.0.1:4012', // the local mock (`pnpm start`)
});

// 2. List one page.
const first = await gecko.GET('/api/v1/scans', { params: { query: { limit: 20 } } });
if (first.error) throw new Error(`Gecko: ${first.error.error}`);
console.log(`${first.data.pagination.total} scans; the first page has ${first.data.data.length}`);

// 3. Paginate: advance offset while pagination.hasMore.
const scans: ScanSummary[] = [];
for (let offset = 0, hasMore = true; hasMore; offset = scans.length) {
  const { data, error } = await gecko.GET('/api/v1/scans', { params: { query: { limit: 100, offset } } });
  if (error) throw new Error(`Gecko: ${error.error}`);
  scans.push(...data.data);
  hasMore = data.pagination.hasMore;
}
console.log(`read all ${scans.length} scans`);
