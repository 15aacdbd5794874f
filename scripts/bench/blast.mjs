// A lean load generator for the throughput rows: `connections` keep-alive sockets, each sending one
// prebuilt GET and reading its answer (status line, headers, Content-Length body) before the next.
// Cheaper per request than node:http's client, so a fast server is not hidden behind its client.
import { connect } from 'node:net';

/** Sends `count` requests to `url` over `connections` sockets; throughput, latency percentiles, statuses. */
export async function blast(url, headers, { count = 5000, connections = 10 } = {}) {
  const { hostname, port, pathname, search } = new URL(url);
  const head = Object.entries({ host: `${hostname}:${port}`, ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const request = Buffer.from(`GET ${pathname}${search} HTTP/1.1\r\n${head}\r\n`);
  const latencies = new Float64Array(count);
  const statuses = {};
  let sent = 0;
  let done = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from(
      { length: Math.min(connections, count) },
      () =>
        new Promise((resolve, reject) => {
          const socket = connect(Number(port), hostname);
          socket.setNoDelay(true);
          let buffer = Buffer.alloc(0);
          let at = 0n;
          const next = () => {
            if (sent >= count) {
              socket.end();
              return resolve();
            }
            sent++;
            at = process.hrtime.bigint();
            socket.write(request);
          };
          socket.on('connect', next);
          socket.on('error', reject);
          socket.setTimeout(10_000, () => socket.destroy(new Error('timed out')));
          socket.on('data', (chunk) => {
            buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
            for (;;) {
              const end = buffer.indexOf('\r\n\r\n');
              if (end < 0) return;
              const header = buffer.toString('latin1', 0, end);
              const length = Number(/\r\ncontent-length: *(\d+)/i.exec(header)?.[1] ?? 0);
              if (buffer.length < end + 4 + length) return;
              const status = header.slice(9, 12);
              statuses[status] = (statuses[status] ?? 0) + 1;
              latencies[done++] = Number(process.hrtime.bigint() - at) / 1e6;
              buffer = buffer.subarray(end + 4 + length);
              next();
            }
          });
        }),
    ),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = latencies.subarray(0, done).sort();
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { rps: done / seconds, p50: pct(0.5), p99: pct(0.99), statuses };
}
