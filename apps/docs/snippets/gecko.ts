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

// 3. Every scan: paginate() advances offset while pagination.hasMore, 100 at a time.
const scans: ScanSummary[] = [];
for await (const scan of gecko.paginate('/api/v1/scans', { params: { query: { limit: 100 } } })) {
  scans.push(scan);
}
console.log(`read all ${scans.length} scans`);
