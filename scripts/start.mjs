#!/usr/bin/env node
// `pnpm start`: one process that starts every mock, waits until each answers, prints a table of
// URLs and test credentials, and closes everything on Ctrl-C. Binds 127.0.0.1 unless HOST is set.
import { services } from './services.mjs';

const host = process.env.HOST ?? '127.0.0.1';
const running = [];

async function stopAll(code) {
  await Promise.allSettled(running.map((s) => s.handle.close()));
  process.exit(code);
}

try {
  for (const service of services) {
    const { startMock } = await import(service.module);
    const handle = await startMock({ port: service.port, host });
    running.push({ ...service, handle, url: handle.url });
  }
} catch (error) {
  console.error(`start: ${error.message}`);
  await stopAll(1);
}

const rows = running.map((s) => [s.title, s.url, s.credentials]);
const widths = [0, 1, 2].map((i) =>
  Math.max(...rows.map((r) => r[i].length), ['API', 'URL', 'Test credentials'][i].length),
);
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(['API', 'URL', 'Test credentials']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));
console.log('\nAll services answer. Press Ctrl-C to stop them.');

process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));
