#!/usr/bin/env node
// `pnpm start`: one process that starts every mock and the docs site, waits until each answers,
// prints a table of URLs and test credentials, and closes everything on Ctrl-C. Binds 127.0.0.1
// unless HOST is set. The mocks behave (seeded data, paging, filters, auth, rate limits);
// `pnpm start --static` serves Prism's static examples of the specs instead.
import { serveDocs } from '../apps/docs/serve.mjs';
import { services } from './services.mjs';

const host = process.env.HOST ?? '127.0.0.1';
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--static');
if (unknown.length > 0) {
  console.error(`start: unknown option ${unknown[0]} (the one option is --static)`);
  process.exit(2);
}
const staticMode = args.includes('--static');
const DOCS_PORT = 8080;
const running = [];
let docsUrl;

async function stopAll(code) {
  await Promise.allSettled(running.map((s) => s.handle.close()));
  process.exit(code);
}

try {
  for (const service of services) {
    const { startMock, testCredentials } = await import(service.module);
    const handle = await startMock({ port: service.port, host, ...(staticMode ? { static: true } : {}) });
    running.push({ ...service, credentials: testCredentials, handle, url: handle.url });
  }
  const docs = await serveDocs({ port: DOCS_PORT, host });
  running.push({
    title: 'API docs (Redoc, every API)',
    handle: docs,
    url: `${docs.url}/`,
    credentials: 'none',
  });
  docsUrl = `${docs.url}/`;
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
console.log(
  `\nAll services answer${staticMode ? ' (static examples)' : ''}. API docs: ${docsUrl}  Press Ctrl-C to stop them.`,
);

process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));
