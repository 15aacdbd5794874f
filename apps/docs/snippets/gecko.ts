// Install: pnpm add @scanapis/gecko
import { createGeckoClient, type ScanSummary } from '@scanapis/gecko';

// 1. Create the client. Gecko keys start with `gk_` (gk_test_scans_read is the mock's test key);
//    leave out baseUrl to call https://app.gecko.security.
const gecko = createGeckoClient({
  apiKey: process.env.GECKO_API_KEY ?? 'gk_test_scans_read',
  baseUrl: process.env.GECKO_BASE_URL ?? 'http://127.0.0.1:4012', // the local mock (`pnpm start`)
});

// 2. List one page (an error answer throws a ScanApiError with its kind and status).
const first = await gecko.scans.list({ limit: 20 });
console.log(`${first.pagination.total} scans; the first page has ${first.data.length}`);

// 3. Every scan: iterating the same call advances offset while pagination.hasMore, 100 at a time
//    (gecko.paginate('/api/v1/scans', …) does the same over the path).
const scans: ScanSummary[] = [];
for await (const scan of gecko.scans.list({ limit: 100 })) {
  scans.push(scan);
}
console.log(`read all ${scans.length} scans`);
