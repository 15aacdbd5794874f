// List scans with @scanapis/gecko (pnpm add @scanapis/gecko). The defaults call the local mock
// (`pnpm start`) with its test key; leave out baseUrl and pass your own key to call Gecko.
import { createGeckoClient } from '@scanapis/gecko';

const gecko = createGeckoClient({
  apiKey: process.env.GECKO_API_KEY ?? 'gk_test_scans_read',
  baseUrl: process.env.GECKO_BASE_URL ?? 'http://127.0.0.1:4012',
});

// One page of completed scans (an error answer throws a ScanApiError).
const data = await gecko.scans.list({ status: 'completed', limit: 20 });
console.log(`${data.pagination.total} completed scans; this page has ${data.data.length}`);

// Every completed scan: iterating the same call follows offset and pagination.hasMore.
let critical = 0;
for await (const scan of gecko.scans.list({ status: 'completed', limit: 100 })) {
  critical += scan.vulnerabilityCounts.critical;
}
console.log(`${critical} critical vulnerabilities across every completed scan`);
