#!/usr/bin/env node
// `pnpm start`: checks the options (`--help` lists them), builds what is stale through turbo
// (quietly: its output only when the build fails), then hands off to start-services.mjs, which
// starts the mocks and the docs site and stops them on Ctrl-C with exit code 0.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseStartOptions, UsageError, usage } from './start-options.mjs';
import { main } from './start-services.mjs';

const args = process.argv.slice(2);
let help = false;
try {
  help = parseStartOptions(args).help;
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`start: ${error.message}\n\n${usage()}`);
  process.exit(2);
}
if (help) {
  console.log(usage());
  process.exit(0);
}

const root = fileURLToPath(new URL('..', import.meta.url));
console.log('start: building what changed (turbo run build)...');
// A Ctrl-C during the build reaches turbo too: this script then says so and exits.
const duringBuild = () => {};
process.on('SIGINT', duringBuild);
process.on('SIGTERM', duringBuild);
const build = spawnSync(`${root}node_modules/.bin/turbo`, ['run', 'build', '--output-logs=errors-only'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  // A Ctrl-C during the build stops turbo and this script alike.
  stdio: ['ignore', 'pipe', 'pipe'],
});
process.off('SIGINT', duringBuild);
process.off('SIGTERM', duringBuild);
if (build.status !== 0) {
  process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
  console.error(
    build.signal
      ? `start: the build was stopped (${build.signal})`
      : `start: the build failed (${build.error?.message ?? `turbo exit code ${build.status}`})`,
  );
  process.exit(build.signal ? 0 : 1);
}
process.exit(await main(args));
