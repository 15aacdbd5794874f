#!/usr/bin/env node
// Starts the three mocks and the docs site as `pnpm start` options say, waits until each answers,
// prints how to call them (base URL, test credentials, a curl line that answers 200), and closes
// everything on SIGINT/SIGTERM with exit code 0. A port in use: one line naming the port and the
// option that changes it, exit 1, everything started so far closed. Run alone (no build step):
// `node scripts/start-services.mjs [options]`; `pnpm start` builds first.
import { serveDocs } from '../apps/docs/serve.mjs';
import { services } from './services.mjs';
import { parseStartOptions, UsageError, usage } from './start-options.mjs';

/** Output width: every line printed fits in it. */
export const COLUMNS = 100;

/** Wraps `text` at spaces so that no line exceeds COLUMNS, continuation lines indented by `indent`. */
function wrap(first, text, indent) {
  const lines = [];
  let line = first;
  for (const word of text.split(' ')) {
    if (line.trim() && line.length + 1 + word.length > COLUMNS && line.length > indent.length) {
      lines.push(line);
      line = indent + word;
    } else line = line.endsWith(' ') || line === '' ? line + word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

const quote = (s) => `'${s.replaceAll("'", "'\\''")}'`;

/** One curl command (a shell continuation when one line would be too wide). */
function curlLines(header, url) {
  const head = `  curl -s -H ${quote(header)}`;
  const one = `${head} ${quote(url)}`;
  return one.length <= COLUMNS ? [one] : [`${head} \\`, `    ${quote(url)}`];
}

/** Why a service could not start, in one line. */
function startError(error, what, host) {
  if (error.code === 'EADDRINUSE')
    return `start: port ${what.port} (${what.title}) is in use; change it with ${what.flag} <n>`;
  if (error.code === 'EACCES')
    return `start: no permission to listen on port ${what.port} (${what.title}); change it with ${what.flag} <n>`;
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN')
    return `start: cannot listen on host ${host} (${error.code}); change it with --host <address>`;
  return `start: ${what.title} did not start: ${error.message}`;
}

export async function main(argv = process.argv.slice(2)) {
  let options;
  try {
    options = parseStartOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`start: ${error.message}\n\n${usage()}`);
    return 2;
  }
  if (options.help) {
    console.log(usage());
    return 0;
  }
  const { host } = options;
  const running = [];
  let stopping;
  const stopAll = () => {
    stopping ??= Promise.allSettled(running.map((s) => s.handle.close()));
    return stopping;
  };

  const dataset = {
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.size !== undefined ? { size: options.size } : {}),
  };
  let current;
  try {
    for (const service of services) {
      current = options.ports[service.api];
      const mod = await import(service.module);
      const handle = await mod.startMock({
        port: current.port,
        host,
        ...(options.static ? { static: true } : dataset),
      });
      running.push({ service, mod, handle });
    }
    current = options.ports.docs;
    const mocks = Object.fromEntries(running.map((r) => [r.service.api, r.handle.url]));
    const docs = await serveDocs({ port: current.port, host, mocks });
    running.push({ handle: docs });
  } catch (error) {
    console.error(startError(error, current, host));
    await stopAll();
    return 1;
  }

  const docsUrl = `${running.at(-1).handle.url}/`;
  const mode = options.static
    ? 'static examples of the specs (Prism)'
    : `behavioural mocks, seed ${options.seed ?? 1}, ${options.size !== undefined ? `size ${options.size}` : 'default sizes'}`;
  const out = [`scanapis on ${host}: ${mode}`, ''];
  for (const { service, mod, handle } of running.slice(0, -1)) {
    const { header, path } = service.tryRequest(mod, handle);
    out.push(service.title);
    out.push(`  base URL     ${handle.url}`);
    out.push(...wrap('  credentials  ', mod.testCredentials, '               '));
    if (service.note) out.push(...wrap('  note         ', service.note, '               '));
    out.push(...curlLines(header, `${handle.url}${path}`));
    out.push('');
  }
  out.push(`API docs (every API)  ${docsUrl}`, '');
  out.push(...wrap('', 'Readiness: GET <base URL>/__scanapis/health answers 200 on each mock.', ''));
  out.push('Ctrl-C stops everything.');
  console.log(out.join('\n'));

  // Ctrl-C sends SIGINT to the whole process group, and pnpm forwards one more: the first signal
  // stops everything, later ones wait for it. Exit code 0: stopping is what the user asked for.
  return new Promise((resolve) => {
    let told = false;
    const onSignal = (signal) => {
      if (told) return;
      told = true;
      console.log(`\n${signal}: stopping (requests in flight finish first, 5 s at most)...`);
      stopAll().then(() => {
        console.log('Stopped: every mock and the docs server are closed.');
        resolve(0);
      });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const code = await main();
  process.exit(code);
}
