import { parseArgs } from 'node:util';
import type { RunningMock } from './server.js';

/** What a mock bin's flags give its `start`. */
export interface CliStartOptions {
  port: number;
  host: string;
  /** `--seed`: the dataset's seed (behavioural mocks). */
  seed?: number;
  /** `--size`: how many records the dataset holds (behavioural mocks). */
  size?: number;
  /** `--static`: Prism's static examples instead of the behavioural mock. */
  static?: boolean;
  /** `--rate-limit`: requests per window per key (APIs with a rate limit). */
  rateLimit?: number;
  /** `--strict`: an unknown query parameter is the vendor's 400 instead of a warning header. */
  strict?: boolean;
}

export interface CliSpec {
  /** The bin's name, `gecko-mock`. */
  name: string;
  /** The port `pnpm start` uses for this API; the bin defaults to it too. */
  defaultPort: number;
  /** Lines describing the API-specific defaults, printed by `--help`. */
  notes?: string[];
  start(options: CliStartOptions): Promise<Pick<RunningMock, 'url' | 'close'>>;
}

const usage = (spec: CliSpec) =>
  [
    `Usage: ${spec.name} [--port <n>] [--host <address>] [--seed <n>] [--size <n>] [--static] [--rate-limit <n>] [--strict]`,
    `  --port        port to listen on (default ${spec.defaultPort}; 0 picks a free one)`,
    '  --host        address to bind (default 127.0.0.1)',
    '  --seed        seed of the generated dataset (same seed, same data on every machine)',
    '  --size        number of records in the dataset',
    "  --static      answer with the spec's examples (Prism) instead of the behavioural mock",
    '  --rate-limit  requests allowed per window per key, where the API has a rate limit',
    "  --strict      an unknown query parameter is the vendor's 400 (default: ignored, named in x-scanapis-warning)",
    '  SIGTERM / SIGINT finish the requests in flight (5 s at most), then exit 0',
    ...(spec.notes ?? []),
  ].join('\n');

function integer(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max)
    throw new Error(`--${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return n;
}

/** The whole CLI of a mock bin: flags, start, one line on failure, Ctrl-C closes. */
export async function runMockCli(spec: CliSpec, argv = process.argv.slice(2)): Promise<void> {
  let options: CliStartOptions;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        size: { type: 'string' },
        static: { type: 'boolean' },
        'rate-limit': { type: 'string' },
        strict: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
    if (values.help) {
      console.log(usage(spec));
      return;
    }
    const seed = integer('seed', values.seed, 0, 2 ** 32 - 1);
    const size = integer('size', values.size, 0, 1_000_000);
    const rateLimit = integer('rate-limit', values['rate-limit'], 1, 1_000_000_000);
    if (values.host !== undefined && values.host.trim() === '')
      throw new Error('--host must not be empty (an empty host would bind every interface)');
    options = {
      port: integer('port', values.port, 0, 65535) ?? spec.defaultPort,
      host: values.host ?? '127.0.0.1',
      ...(seed !== undefined ? { seed } : {}),
      ...(size !== undefined ? { size } : {}),
      ...(values.static ? { static: true } : {}),
      ...(rateLimit !== undefined ? { rateLimit } : {}),
      ...(values.strict ? { strict: true } : {}),
    };
  } catch (error) {
    const e = error as Error & { code?: string };
    const message =
      e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option ${/'([^']+)'/.exec(e.message)?.[1] ?? ''}`
        : e.message;
    console.error(`${spec.name}: ${message} (see --help)`);
    process.exitCode = 2;
    return;
  }
  let mock: Pick<RunningMock, 'url' | 'close'>;
  try {
    mock = await spec.start(options);
  } catch (error) {
    console.error(
      `${spec.name}: could not start on ${options.host}:${options.port}: ${(error as Error).message}`,
    );
    process.exitCode = 1;
    return;
  }
  console.log(`${spec.name} listening on ${mock.url}`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal while the first drains ends the process at once.
    if (stopping) process.exit(1);
    stopping = true;
    const started = Date.now();
    mock.close(graceMs).then(
      () => {
        console.log(
          `${spec.name}: ${signal}, stopped after ${Date.now() - started} ms (requests in flight answered)`,
        );
        process.exit(0);
      },
      (error: Error) => {
        console.error(`${spec.name}: ${signal}, could not close cleanly: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** How long a signalled bin lets requests in flight finish. */
const graceMs = 5_000;
