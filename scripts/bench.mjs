#!/usr/bin/env node
// `pnpm bench`: measures the mocks and the clients against baselines measured in the same run
// (a raw node:http server sending the same bytes, a raw fetch). Loopback only, bounded in count.
// A benchmark, not a test: it prints numbers and the targets from the issues, and exits 0.
import { child, loadGenerator, memoryOf, stop } from './bench/children.mjs';
import { inProcessRows } from './bench/in-process.mjs';
import { once } from './bench/load.mjs';
import { scaleTable } from './bench/scale.mjs';
import { targets } from './bench/targets.mjs';
import { throughputRows, WARM_UP } from './bench/throughput.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const here = (p) => new URL(p, import.meta.url).pathname;
const rows = [];
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

// 1. Each behavioural mock vs a raw server sending the same bytes, at 10 connections.
console.log(
  `Mocks: ${REQUESTS} requests each at 10 connections (after ${WARM_UP} warm-up requests each), validation on; the load generator is a process of its own\n`,
);
const generator = await loadGenerator();
const load = generator.send;
for (const target of await targets()) {
  const mock = await child('./serve-mock.mjs', [target.api], ['--expose-gc']);
  const sample = await once(undefined, mock.url + target.path, target.headers);
  if (sample.status !== 200)
    throw new Error(`${target.api}: the bench request got ${sample.status}: ${sample.body}`);
  const { date: _d, connection: _c, 'keep-alive': _k, ...headers } = sample.headers;
  const raw = await child('./serve-raw.mjs', [
    JSON.stringify({ status: 200, headers, body: sample.body.toString() }),
  ]);
  await load(mock.url + target.path, target.headers, { count: WARM_UP });
  await load(raw.url + target.path, target.headers, { count: WARM_UP });
  const m = await load(mock.url + target.path, target.headers, { count: REQUESTS });
  const r = await load(raw.url + target.path, target.headers, { count: REQUESTS });
  // Memory growth over 20k requests, after a full GC at both ends.
  const before = await memoryOf(mock);
  await load(mock.url + target.path, target.headers, { count: 20_000 });
  const after = await memoryOf(mock);
  rows.push({
    what: `${target.api} mock`,
    rps: m.rps,
    rawRps: r.rps,
    p50: m.p50,
    p99: m.p99,
    rawP99: r.p99,
    growth: (after.heapUsed - before.heapUsed) / 1024 / 1024,
    bytes: sample.body.length,
    non200: Object.keys(m.statuses).filter((s) => s !== '200').length,
  });
  await Promise.all([stop(mock), stop(raw)]);
}
await generator.stop();
console.log(
  '| mock | body | req/s | raw req/s | ratio | p50 ms | p99 ms | raw p99 ms | heap growth over 20k req |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const x of rows) {
  console.log(
    `| ${x.what} | ${fmt(x.bytes)} B | ${fmt(x.rps)} | ${fmt(x.rawRps)} | ${fmt(x.rps / x.rawRps, 2)}× | ${fmt(x.p50, 2)} | ${fmt(x.p99, 2)} | ${fmt(x.rawP99, 2)} | ${fmt(x.growth, 1)} MB |`,
  );
}
console.log('Targets: ratio ≥ 0.15×, p99 < 10 ms at 10 connections, memory flat.\n');

// 1b. Each mock in-process (createMockFetch) vs the same mock over HTTP, on the same page.
await inProcessRows({ requests: REQUESTS });

// 2. Launch: from spawning a process until all three mocks answer.
const launches = [];
for (let i = 0; i < 3; i++) {
  const started = performance.now();
  const all = await child('./serve-all.mjs');
  await Promise.all(
    Object.values(all.urls).map((u) => fetch(`${u}/__scanapis/health`).then((r) => r.arrayBuffer())),
  );
  launches.push(performance.now() - started);
  await stop(all);
}
launches.sort((a, b) => a - b);
console.log(
  `Launch until all three mocks answer: median ${fmt(launches[1])} ms (runs: ${launches.map((l) => fmt(l)).join(', ')} ms). Target < 2000 ms.\n`,
);

// 3. The client: a call through the full runtime vs a raw fetch to the same local server.
const { createGeckoClient } = await import(here('../packages/gecko/dist/index.js'));
const { default: createClient } = await import(
  new URL('../packages/gecko/node_modules/openapi-fetch/dist/index.mjs', import.meta.url).href
);
const gecko = (await targets()).find((t) => t.api === 'gecko');
const mock = await child('./serve-mock.mjs', ['gecko'], []);
const sample = await once(undefined, mock.url + gecko.path, gecko.headers);
const { date: _d, connection: _c, 'keep-alive': _k, ...headers } = sample.headers;
const raw = await child('./serve-raw.mjs', [
  JSON.stringify({ status: 200, headers, body: sample.body.toString() }),
]);
await stop(mock);
const client = createGeckoClient({ apiKey: gecko.headers['x-api-key'], baseUrl: raw.url });
const rawCall = async () => (await fetch(`${raw.url}${gecko.path}`, { headers: gecko.headers })).json();
const clientCall = async () => (await client.GET('/api/v1/scans', { params: { query: { limit: 50 } } })).data;
// openapi-fetch alone, the stack's floor: the runtime sits on top of it.
const plain = createClient({ baseUrl: raw.url, headers: gecko.headers });
const plainCall = async () => (await plain.GET('/api/v1/scans', { params: { query: { limit: 50 } } })).data;
// Interleaved, call by call, so that drift on the machine hits both sides alike.
const timeAll = async (n) => {
  const sums = { raw: 0, plain: 0, client: 0 };
  const calls = { raw: rawCall, plain: plainCall, client: clientCall };
  for (let i = 0; i < n; i++) {
    for (const [k, fn] of Object.entries(calls)) {
      const t = performance.now();
      await fn();
      sums[k] += performance.now() - t;
    }
  }
  return { raw: sums.raw / n, plain: sums.plain / n, client: sums.client / n };
};
await timeAll(500);
const rounds = [];
for (let i = 0; i < 5; i++) rounds.push(await timeAll(1000));
const median = (k) => rounds.map((r) => r[k]).sort((a, b) => a - b)[2];
const rawMs = median('raw');
const plainMs = median('plain');
const clientMs = median('client');
console.log('| client call (sequential, interleaved, median of 5 × 1000) | per call | ratio |');
console.log('| --- | --- | --- |');
console.log(`| raw fetch + JSON | ${fmt(rawMs * 1000)} µs | 1.00× |`);
console.log(
  `| openapi-fetch alone (the base the runtime sits on) | ${fmt(plainMs * 1000)} µs | ${fmt(plainMs / rawMs, 2)}× |`,
);
console.log(
  `| @scanapis/gecko GET (retry, timeouts, rate-limit, errors) | ${fmt(clientMs * 1000)} µs | ${fmt(clientMs / rawMs, 2)}× |`,
);
console.log('Target ≤ 1.15×.\n');
await stop(raw);

// 4. Peak memory while paginating 100k items.
const pages = await child('./serve-pages.mjs', ['100000']);
const pager = createGeckoClient({ apiKey: 'gk_bench', baseUrl: pages.url });
globalThis.gc?.();
const start = process.memoryUsage().heapUsed;
let peak = start;
let items = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}, 5);
const t0 = performance.now();
for await (const _ of pager.paginate('/api/v1/scans', { params: { query: { limit: 1000 } } })) {
  items++;
  if (items % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
}
clearInterval(sampler);
console.log(
  `paginate(): ${fmt(items)} items in ${fmt(performance.now() - t0)} ms; peak heap ${fmt((peak - start) / 1024 / 1024, 1)} MB above the start${globalThis.gc ? '' : ' (run with --expose-gc for a clean baseline)'}. Target: flat, < 50 MB.`,
);
await stop(pages);

// 5. Mocks at scale (1k, 100k, 1M records) and the 20/100-item page rows against raw node:http and Prism.
if (process.env.BENCH_SCALE !== '0') await scaleTable();
await throughputRows();
