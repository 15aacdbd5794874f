import { parseArgs } from 'node:util';
import type { RunningMock } from './server.js';

export interface CliSpec {
  /** The bin's name, `gecko-mock`. */
  name: string;
  /** The port `pnpm start` uses for this API; the bin defaults to it too. */
  defaultPort: number;
  start(options: { port: number; host: string }): Promise<RunningMock>;
}

const usage = (name: string, port: number) =>
  `Usage: ${name} [--port <n>] [--host <address>]\n  --port  port to listen on (default ${port}; 0 picks a free one)\n  --host  address to bind (default 127.0.0.1)`;

/** The whole CLI of a mock bin: flags, start, one line on failure, Ctrl-C closes. */
export async function runMockCli(spec: CliSpec, argv = process.argv.slice(2)): Promise<void> {
  let values: { port?: string; host?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${spec.name}: ${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    console.log(usage(spec.name, spec.defaultPort));
    return;
  }
  const port = values.port === undefined ? spec.defaultPort : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(
      `${spec.name}: --port must be an integer from 0 to 65535, got ${JSON.stringify(values.port)}`,
    );
    process.exitCode = 2;
    return;
  }
  const host = values.host ?? '127.0.0.1';
  let mock: RunningMock;
  try {
    mock = await spec.start({ port, host });
  } catch (error) {
    console.error(`${spec.name}: could not start on ${host}:${port}: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  console.log(`${spec.name} listening on ${mock.url}`);
  const stop = () => {
    mock.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
