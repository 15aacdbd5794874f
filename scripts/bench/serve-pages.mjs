// Child process: a raw server of Gecko-shaped pages over `total` synthetic scans (offset/limit,
// pagination.hasMore), for measuring the client's paginate() over 100k items.
import { createServer } from 'node:http';

const total = Number(process.argv[2] ?? 100_000);
const scan = (i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `acme/service-${i}@main`,
  status: 'completed',
  isDone: true,
  createdAt: '2025-04-22T15:34:53.674Z',
  endAt: '2025-04-22T16:08:22.115Z',
  programmingLanguage: 'TypeScript',
  progress: 100,
  vulnerabilityCounts: { total: 4, critical: 1, high: 1, medium: 1, low: 1 },
});
const server = createServer((req, res) => {
  req.resume();
  const url = new URL(req.url ?? '/', 'http://x');
  const limit = Number(url.searchParams.get('limit') ?? 100);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const data = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) data.push(scan(i));
  const body = JSON.stringify({
    version: 'v1',
    data,
    pagination: { total, limit, offset, hasMore: offset + data.length < total },
    filters: { status: null, language: null },
  });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.send?.({ url: `http://127.0.0.1:${server.address().port}` }));
process.on('message', (m) => m === 'stop' && process.exit(0));
