// The options of `pnpm start`: flags, each with an environment variable (the flag wins), and the
// usage text. Parsing only: start-services.mjs acts on the result.
import { parseArgs } from 'node:util';
import { services } from './services.mjs';

/** The docs site's port option, beside one per API (`--<api>-port`, from services.mjs). */
export const DOCS = { title: 'docs site', flag: 'docs-port', env: 'SCANAPIS_DOCS_PORT', port: 8080 };

/** `--<api>-port` and `SCANAPIS_<API>_PORT` of a service. */
export const portFlag = (api) => `${api}-port`;
export const portEnv = (api) => `SCANAPIS_${api.toUpperCase().replaceAll('-', '_')}_PORT`;

const PORTS = [
  ...services.map((s) => ({
    title: `${s.api} mock`,
    flag: portFlag(s.api),
    env: portEnv(s.api),
    port: s.port,
  })),
  DOCS,
];

export function usage() {
  const row = (flag, env, text) => `  ${flag.padEnd(32)}${env.padEnd(34)}${text}`;
  return [
    'Usage: pnpm start [options]   (or: node scripts/start.mjs [options])',
    '',
    'Starts the three mocks and the docs site, waits until each answers, prints how to call them;',
    'Ctrl-C (or SIGTERM) stops everything. Each option also reads an environment variable; the flag wins.',
    '',
    row('option', 'environment variable', 'default'),
    row('--host <address>', 'SCANAPIS_HOST', '127.0.0.1'),
    ...PORTS.map((p) => row(`--${p.flag} <n>`, p.env, `${p.port}`)),
    row('--seed <n>', 'SCANAPIS_SEED', "each mock's (1)"),
    row('--size <n>', 'SCANAPIS_SIZE', "each mock's (123/300/500)"),
    row('--static', 'SCANAPIS_STATIC=1', 'off: behavioural mocks'),
    row('-h, --help', '', ''),
    '',
    "Port 0 picks a free port. --seed and --size shape every mock's dataset (same seed, same data);",
    "--static serves Prism's examples of the specs instead of the behavioural mocks.",
    'Readiness: GET <mock URL>/__scanapis/health answers 200 {"ok":true} once a mock serves.',
  ].join('\n');
}

/** An option the user got wrong: one line, then the usage. */
export class UsageError extends Error {}

function integer(label, raw, min, max) {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new UsageError(`${label} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/**
 * `{ help }` or `{ host, ports: { [api | 'docs']: { port, flag, env } }, seed?, size?, static }`;
 * throws UsageError on an unknown option or a bad value.
 */
export function parseStartOptions(argv, env = process.env) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        host: { type: 'string' },
        ...Object.fromEntries(PORTS.map((p) => [p.flag, { type: 'string' }])),
        seed: { type: 'string' },
        size: { type: 'string' },
        static: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    const option = /'([^']+)'/.exec(error.message)?.[1];
    throw new UsageError(
      error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `unknown option ${option}` : error.message,
    );
  }
  if (values.help) return { help: true };
  const ports = {};
  for (const p of PORTS) {
    const fromFlag = values[p.flag];
    const label = fromFlag !== undefined ? `--${p.flag}` : p.env;
    ports[p.flag === DOCS.flag ? 'docs' : p.flag.replace(/-port$/, '')] = {
      port: integer(label, fromFlag ?? env[p.env], 0, 65535) ?? p.port,
      flag: `--${p.flag}`,
      env: p.env,
      title: p.title,
    };
  }
  const seed = integer(
    values.seed !== undefined ? '--seed' : 'SCANAPIS_SEED',
    values.seed ?? env.SCANAPIS_SEED,
    0,
    2 ** 32 - 1,
  );
  const size = integer(
    values.size !== undefined ? '--size' : 'SCANAPIS_SIZE',
    values.size ?? env.SCANAPIS_SIZE,
    0,
    1_000_000,
  );
  const host = values.host ?? (env.SCANAPIS_HOST || '127.0.0.1');
  if (!host.trim()) throw new UsageError('--host must not be empty');
  return {
    help: false,
    host,
    ports,
    ...(seed !== undefined ? { seed } : {}),
    ...(size !== undefined ? { size } : {}),
    static: values.static ?? ['1', 'true'].includes(env.SCANAPIS_STATIC ?? ''),
  };
}
