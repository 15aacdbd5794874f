// `pnpm bench` scale table: each behavioural mock at 1k, 100k and 1M records — launch time, RSS,
// p50/p99 of the first and of the last page of a filtered query (100 per page), and the time to
// walk every page (100 per page) of the whole collection at 1k and 100k, with the time per page over
// the walk's first and second halves (the same for a walk linear in pages). Sequential requests,
// loopback only, bounded in count.

import { child, memoryOf, stop } from './children.mjs';
import { once } from './load.mjs';
import { targets } from './targets.mjs';

const SIZES = (process.env.BENCH_SCALE_SIZES ?? '1000,100000,1000000').split(',').map(Number);
const REPEAT = Number(process.env.BENCH_SCALE_REPEAT ?? 200);
const WALK_SIZES = new Set([1000, 100_000]);
/** How many pages a mock keeps once answered (mock-kit's `pageCache` default). */
const KEPT_PAGES = 64;
/** `BENCH_SCALE_APIS=container-registry,hss` runs only those mocks' rows. */
const APIS = process.env.BENCH_SCALE_APIS?.split(',');
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** Per API: the filtered query, how to reach its last page, and the whole collection. */
async function scaleTargets() {
  const t = Object.fromEntries((await targets()).map((x) => [x.api, x]));
  const hssBase = t.hss.path.split('?')[0];
  return [
    {
      api: 'gecko',
      headers: t.gecko.headers,
      filtered: '/api/v1/scans?status=completed&limit=100',
      all: '/api/v1/scans?limit=100',
      offsets: true,
      total: (b) => b.pagination.total,
    },
    {
      api: 'hss',
      headers: t.hss.headers,
      filtered: `${hssBase}?enterprise_project_id=all_granted_eps&scan_status=success&limit=100`,
      all: `${hssBase}?enterprise_project_id=all_granted_eps&limit=100`,
      offsets: true,
      total: (b) => b.total_num,
    },
    {
      api: 'container-registry',
      headers: t['container-registry'].headers,
      // Every image of the spec's example folder (a sixth of the registries), by creation time.
      filtered:
        '/container-registry/v1/images?folderId=b1g88tflru0ek1omtsu0&orderBy=createdAt%20desc&pageSize=100',
      all: '/container-registry/v1/images?pageSize=100',
      offsets: false,
    },
  ];
}

async function get(url, headers) {
  const r = await once(undefined, url, headers);
  if (r.status !== 200) throw new Error(`${url}: ${r.status} ${r.body.toString().slice(0, 200)}`);
  return { ms: r.ms, body: JSON.parse(r.body.toString()) };
}

/**
 * Walks every page of `path`; resolves with the page count, the time, every page's URL and the
 * time per page over the first and the second half of the walk (a walk linear in pages spends as
 * long per page on both).
 */
async function walk(base, target, path) {
  const started = performance.now();
  const urls = [];
  const times = [];
  let url = base + path;
  for (;;) {
    const before = performance.now();
    const { body } = await get(url, target.headers);
    times.push(performance.now() - before);
    urls.push(url);
    if (target.offsets) {
      const offset = Number(new URL(url).searchParams.get('offset') ?? 0) + 100;
      if (offset >= target.total(body)) break;
      url = `${base}${path}&offset=${offset}`;
    } else {
      if (!body.nextPageToken) break;
      url = `${base}${path}&pageToken=${encodeURIComponent(body.nextPageToken)}`;
    }
    if (urls.length > 20_000) throw new Error(`${path}: more than 20,000 pages`);
  }
  const half = Math.floor(times.length / 2);
  const perPage = (list) => list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
  return {
    pages: urls.length,
    ms: performance.now() - started,
    urls,
    firstHalf: perPage(times.slice(0, half)),
    secondHalf: perPage(times.slice(half)),
  };
}

/**
 * REPEAT distinct pages of 100 of the filtered query, at its start and at its end, so that no
 * request is a page the mock answered just before (a mock keeps the pages it answered last):
 * where the API pages by offset, offsets 0, 1, 2, … and last, last − 1, …; else the pages a walk
 * of the query met, its first and its last REPEAT pages in order. (The walk leaves its last pages
 * kept, 64 of them; in order, each of REPEAT > 64 pages is dropped before it is asked again.)
 */
async function firstAndLastPages(base, target) {
  if (!target.offsets) {
    const { urls } = await walk(base, target, target.filtered);
    const some = (list) => Array.from({ length: REPEAT }, (_, i) => list[i % list.length]);
    return {
      first: some(urls.slice(0, REPEAT)),
      last: some(urls.slice(-REPEAT)),
      distinct: Math.min(REPEAT, urls.length),
    };
  }
  const { body } = await get(base + target.filtered, target.headers);
  const end = Math.max(0, target.total(body) - 100);
  const at = (offset) => `${base}${target.filtered}&offset=${offset}`;
  return {
    first: Array.from({ length: REPEAT }, (_, i) => at(Math.min(i, end))),
    last: Array.from({ length: REPEAT }, (_, i) => at(Math.max(0, end - i))),
    distinct: Math.min(REPEAT, end + 1),
  };
}

async function percentiles(urls, headers) {
  const ms = [];
  for (const url of urls) ms.push((await get(url, headers)).ms);
  ms.sort((a, b) => a - b);
  return {
    p50: ms[Math.floor(ms.length / 2)],
    p99: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.99))],
  };
}

export async function scaleTable() {
  const rows = [];
  for (const target of await scaleTargets()) {
    if (APIS && !APIS.includes(target.api)) continue;
    for (const size of SIZES) {
      const row = { api: target.api, size };
      rows.push(row);
      const started = performance.now();
      let mock;
      try {
        mock = await Promise.race([
          child('./serve-sized.mjs', [target.api, String(size)], ['--expose-gc']),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('did not answer within 60 s')), 60_000),
          ),
        ]);
      } catch (error) {
        row.failed = error.message;
        continue;
      }
      try {
        row.launch = performance.now() - started;
        row.launchCpu = mock.cpuMs;
        row.rss = (await memoryOf(mock)).rss / 1024 / 1024;
        await get(mock.url + target.filtered, target.headers); // the query's first request lists its selection
        const pages = await firstAndLastPages(mock.url, target);
        row.distinct = pages.distinct;
        row.first = await percentiles(pages.first, target.headers);
        row.last = await percentiles(pages.last, target.headers);
        if (WALK_SIZES.has(size)) row.walk = await walk(mock.url, target, target.all);
        row.rssAfter = (await memoryOf(mock)).rss / 1024 / 1024;
      } catch (error) {
        row.failed = error.message;
      } finally {
        mock.proc.kill();
        await stop(mock).catch(() => {});
      }
    }
  }
  console.log(
    `Scale: one mock at a time, sequential requests, ${REPEAT} pages of 100 at the start and at the end of a filtered query, distinct where the query has that many (column "distinct")\n`,
  );
  console.log(
    '| mock | size | launch (CPU) | RSS after launch / after the run | distinct | first filtered pages p50 / p99 | last filtered pages p50 / p99 | walk every page |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    if (r.failed && r.launch === undefined) {
      console.log(`| ${r.api} | ${fmt(r.size)} | ${r.failed} | — | — | — | — | — |`);
      continue;
    }
    const pct = (p) => (p ? `${fmt(p.p50, 2)} / ${fmt(p.p99, 2)} ms` : '—');
    const walkText = r.walk
      ? `${fmt(r.walk.pages)} pages in ${fmt(r.walk.ms)} ms (${fmt(r.walk.ms / r.walk.pages, 2)} ms/page; first half ${fmt(r.walk.firstHalf, 2)}, second half ${fmt(r.walk.secondHalf, 2)})`
      : '—';
    console.log(
      `| ${r.api} | ${fmt(r.size)} | ${fmt(r.launch)} ms (${fmt(r.launchCpu)} ms) | ${fmt(r.rss)} / ${r.rssAfter ? fmt(r.rssAfter) : '—'} MB | ${r.distinct ? fmt(r.distinct) : '—'} | ${pct(r.first)} | ${pct(r.last)} | ${walkText}${r.failed ? ` (failed: ${r.failed})` : ''} |`,
    );
  }
  for (const api of new Set(rows.map((r) => r.api))) {
    const walked = rows.filter((r) => r.api === api && r.walk && r.walk.pages >= 100).at(-1);
    if (walked)
      console.log(
        `${api}: walking every page of ${fmt(walked.size)}, ms/page over the second half ÷ over the first = ${fmt(walked.walk.secondHalf / walked.walk.firstHalf, 2)}× (linear in pages: about 1×)`,
      );
    const measured = rows.filter((r) => r.api === api && r.last);
    const big = measured.at(-1);
    // Against the smallest size whose query has more distinct pages than a mock keeps (its last
    // KEPT_PAGES answers): with fewer, most requests are pages answered again, not the same work.
    const small = measured.find((r) => r.distinct > KEPT_PAGES && r !== big);
    const fewer = measured.filter((r) => r.distinct <= KEPT_PAGES && r !== big);
    if (small && big)
      console.log(
        `${api}: last filtered pages at ${fmt(big.size)} / at ${fmt(small.size)} = ${fmt(big.last.p50 / small.last.p50, 2)}× (target ≤ 2×)` +
          fewer
            .map((r) => `; at ${fmt(r.size)} the query has ${fmt(r.distinct)} page(s), not compared`)
            .join(''),
      );
  }
  console.log(
    'Targets: launch < 5 s and RSS < 400 MB at 1,000,000; a walk linear in pages (as long per page over its second half as over its first).\n',
  );
}
