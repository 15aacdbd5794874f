// `pnpm bench` rows: each mock in-process (`createMockFetch`, no socket) vs the same mock over
// HTTP (its server in a child process, as a vitest globalSetup runs it), both read through a fetch
// from the test's side, on the same page of data, at the same concurrency. Bounded in count.
import { fork } from 'node:child_process';
import { once as onceEvent } from 'node:events';
import { mockModule, targets } from './targets.mjs';

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** `count` requests through `fetchFn` with `concurrency` in flight; their latencies and the time taken. */
async function drive(fetchFn, url, headers, { count, concurrency }) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const t = performance.now();
        const res = await fetchFn(url, { headers });
        await res.text();
        if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, ms: performance.now() - started };
}

/**
 * Both sides in alternating rounds, so that drift on the (shared) machine hits both alike:
 * req/s is the median over rounds, p50/p99 over every request.
 */
async function compare(a, b, { count, concurrency, rounds = 5 }) {
  const sides = [a, b].map(() => ({ rps: [], latencies: [] }));
  for (let r = 0; r < rounds; r++) {
    for (const [i, side] of [a, b].entries()) {
      const run = await drive(side.fetch, side.url, side.headers, {
        count: Math.ceil(count / rounds),
        concurrency,
      });
      sides[i].rps.push(run.latencies.length / (run.ms / 1000));
      sides[i].latencies.push(...run.latencies);
    }
  }
  return sides.map(({ rps, latencies }) => {
    rps.sort((x, y) => x - y);
    latencies.sort((x, y) => x - y);
    const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
    return { rps: rps[Math.floor(rps.length / 2)], p50: at(0.5), p99: at(0.99) };
  });
}

/** The page both transports must serve alike (volatile ids and dates aside). */
const page = async (res) => ({ status: res.status, body: await res.text() });

export async function inProcessRows({ requests = 5000 } = {}) {
  const rows = [];
  for (const target of await targets()) {
    const { createMockFetch } = await import(mockModule(target.api));
    const inProcess = createMockFetch({ rateLimit: 1e9 });
    const server = fork(new URL('./serve-mock.mjs', import.meta.url).pathname, [target.api], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const [{ url }] = await onceEvent(server, 'message');
    // The in-process fetch answers the production base URL; the server its loopback one.
    const production = inProcess.baseUrls[0].replace('{region}', 'ap-southeast-1');
    const a = await page(await inProcess.fetch(production + target.path, { headers: target.headers }));
    const b = await page(await fetch(url + target.path, { headers: target.headers }));
    if (a.status !== 200 || a.body !== b.body)
      throw new Error(`${target.api}: the two transports serve different pages (${a.status}, ${b.status})`);
    const sideA = { fetch: inProcess.fetch, url: production + target.path, headers: target.headers };
    const sideB = { fetch, url: url + target.path, headers: target.headers };
    await compare(sideA, sideB, { count: 500, concurrency: 10, rounds: 1 });
    // One in flight is how a test awaits its requests; ten is a load.
    for (const concurrency of [1, 10]) {
      const [fast, http] = await compare(sideA, sideB, { count: requests, concurrency });
      rows.push({ api: target.api, concurrency, bytes: Buffer.byteLength(a.body), fast, http });
    }
    server.send('stop');
    await onceEvent(server, 'exit');
  }
  console.log(
    `In-process mocks: ${requests} requests each through fetch, the same page (after 500 warm-up), in 5 alternating rounds\n`,
  );
  console.log(
    '| mock | in flight | body | createMockFetch req/s | HTTP mock req/s | ratio | in-process p50 / p99 ms | HTTP p50 / p99 ms |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { api, concurrency, bytes, fast, http } of rows) {
    console.log(
      `| ${api} | ${concurrency} | ${fmt(bytes)} B | ${fmt(fast.rps)} | ${fmt(http.rps)} | ${fmt(fast.rps / http.rps, 2)}× | ${fmt(fast.p50, 2)} / ${fmt(fast.p99, 2)} | ${fmt(http.p50, 2)} / ${fmt(http.p99, 2)} |`,
    );
  }
  console.log('Target: in-process ≥ 3× the HTTP mock.\n');
  return rows;
}
