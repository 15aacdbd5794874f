import { defineConfig, type ViteUserConfig } from 'vitest/config';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The transport a project tests the mock through (contract-kit's `TransportName`). */
    transport: 'server' | 'fetch' | 'msw';
  }
}

/** The mock transports a package's suites run on (see contract-kit's transport.ts). */
export interface TransportProjects {
  /** The setup file that installs the transport (the package's `test/transport.ts`). */
  setupFile: string;
  /** The files that run on every transport; the server project runs every file. */
  include: string[];
}

/**
 * The one vitest setup every package uses: a JSON report per package under test-results/
 * (summed by scripts/test-summary.mjs) and, where a package tests against its mock, the
 * globalSetup that starts it once per run. With `transports`, one vitest project per transport:
 * `server` (every file, against the globalSetup's server), `fetch` and `msw` (the `include`d
 * files, each against an in-process mock of its own).
 */
export function vitestConfig(
  options: { globalSetup?: string[]; transports?: TransportProjects } = {},
): ViteUserConfig {
  const { transports } = options;
  // A run at a large dataset size (SCANAPIS_MOCK_SIZE, `pnpm test:100k`) walks and filters a
  // hundred times more data in the same tests: bounds to match, the same tests.
  const sized = Boolean(process.env.SCANAPIS_MOCK_SIZE);
  return defineConfig({
    test: {
      testTimeout: sized ? 300_000 : 15_000,
      hookTimeout: sized ? 300_000 : 30_000,
      ...(options.globalSetup && !transports ? { globalSetup: options.globalSetup } : {}),
      reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
      ...(transports
        ? {
            projects: [
              {
                extends: true,
                test: {
                  name: 'server',
                  ...(options.globalSetup ? { globalSetup: options.globalSetup } : {}),
                  setupFiles: [transports.setupFile],
                  provide: { transport: 'server' },
                },
              },
              ...(['fetch', 'msw'] as const).map((transport) => ({
                extends: true as const,
                test: {
                  name: transport,
                  include: transports.include,
                  setupFiles: [transports.setupFile],
                  provide: { transport },
                },
              })),
            ],
          }
        : {}),
    },
  });
}
