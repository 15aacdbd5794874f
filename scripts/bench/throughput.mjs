// `pnpm bench` throughput rows: each behavioural mock at 20- and 100-item pages against a raw
// node:http server sending the mock's own bytes and against Prism's static mock of the same spec
// (`prism mock`, its example answer), all measured in this run with the same load generator.
import { child, loadGenerator, stop } from './children.mjs';
import { once } from './load.mjs';
import { targets } from './targets.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Requests each server (and the load generator) gets first, here and in the mocks-vs-raw rows: the code reaches its optimized tiers. */
export const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 3000);
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const spec = (api) => new URL(`../../specs/${api}/dist/openapi.json`, import.meta.url).pathname;
/** `BENCH_THROUGHPUT_APIS=gecko,hss` runs only those mocks' rows. */
const APIS = process.env.BENCH_THROUGHPUT_APIS?.split(',');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The list request of each API with `n` items per page. */
async function pageTargets() {
  const t = Object.fromEntries((await targets()).map((x) => [x.api, x]));
  const hssBase = t.hss.path.split('?')[0];
  return [
    { api: 'gecko', headers: t.gecko.headers, path: (n) => `/api/v1/scans?limit=${n}` },
    {
      api: 'hss',
      headers: t.hss.headers,
      path: (n) => `${hssBase}?enterprise_project_id=all_granted_eps&limit=${n}`,
    },
    {
      api: 'container-registry',
      headers: t['container-registry'].headers,
      path: (n) => `/container-registry/v1/images?pageSize=${n}`,
    },
  ];
}

async function rawServerFor(url, headers) {
  const sample = await once(undefined, url, headers);
  if (sample.status !== 200) throw new Error(`${url}: the bench request got ${sample.status}`);
  const { date: _d, connection: _c, 'keep-alive': _k, ...sent } = sample.headers;
  const raw = await child('./serve-raw.mjs', [
    JSON.stringify({ status: 200, headers: sent, body: sample.body.toString() }),
  ]);
  return { raw, bytes: sample.body.length };
}

export async function throughputRows() {
  const rows = [];
  const generator = await loadGenerator();
  const blast = generator.send;
  for (const target of await pageTargets()) {
    if (APIS && !APIS.includes(target.api)) continue;
    const mock = await child('./serve-mock.mjs', [target.api], ['--expose-gc']);
    let prism;
    try {
      prism = await child('./serve-prism.mjs', [spec(target.api)]);
    } catch (error) {
      prism = { failed: error.message };
    }
    for (const n of [20, 100]) {
      const path = target.path(n);
      const { raw, bytes } = await rawServerFor(mock.url + path, target.headers);
      const prismSample = prism.url ? await once(undefined, prism.url + path, target.headers) : undefined;
      const servers = { mock: mock.url, raw: raw.url, ...(prism.url ? { prism: prism.url } : {}) };
      for (const url of Object.values(servers)) await blast(url + path, target.headers, { count: WARM_UP });
      // Interleaved rounds, so that drift on the shared machine hits every server alike.
      const results = Object.fromEntries(Object.keys(servers).map((k) => [k, []]));
      for (let round = 0; round < ROUNDS; round++)
        for (const [k, url] of Object.entries(servers))
          results[k].push(await blast(url + path, target.headers, { count: REQUESTS }));
      const summary = (k) =>
        results[k]
          ? {
              rps: median(results[k].map((r) => r.rps)),
              p99: median(results[k].map((r) => r.p99)),
              ratios: results[k].map((r, i) => r.rps / results.raw[i].rps),
              non200: results[k].reduce((s, r) => s + REQUESTS - (r.statuses['200'] ?? 0), 0),
            }
          : undefined;
      rows.push({
        api: target.api,
        n,
        bytes,
        prismBytes: prismSample?.body.length,
        prismStatus: prismSample?.status,
        mock: summary('mock'),
        raw: summary('raw'),
        prism: summary('prism'),
      });
      await stop(raw);
    }
    await stop(mock);
    if (prism.url) await stop(prism);
  }
  await generator.stop();
  console.log(
    `Throughput: ${REQUESTS} requests × ${ROUNDS} interleaved rounds at 10 connections (medians) after ${WARM_UP} warm-up requests each, validation on; the load generator is a process of its own\n`,
  );
  console.log(
    '| mock | page | body | mock req/s | raw req/s | mock ÷ raw (median, rounds) | mock p99 | raw p99 | Prism req/s (its example, body) | mock ÷ Prism |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const ratios = r.mock.ratios.map((x) => fmt(x, 2)).join(', ');
    const prism = r.prism
      ? `${fmt(r.prism.rps)} (${r.prismStatus}, ${fmt(r.prismBytes)} B)`
      : 'not run (prism mock did not start)';
    console.log(
      `| ${r.api} | ${r.n} | ${fmt(r.bytes)} B | ${fmt(r.mock.rps)} | ${fmt(r.raw.rps)} | ${fmt(median(r.mock.ratios), 2)}× (${ratios}) | ${fmt(r.mock.p99, 2)} ms | ${fmt(r.raw.p99, 2)} ms | ${prism} | ${r.prism ? `${fmt(r.mock.rps / r.prism.rps, 1)}×` : '—'} |${r.mock.non200 ? ` ${r.mock.non200} non-200` : ''}`,
    );
  }
  console.log(
    'Targets: ≥ 0.3× raw at 20-item pages, ≥ 0.55× at 100-item pages, p99 < 10 ms at 10 connections.\n',
  );
}
