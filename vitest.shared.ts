import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * The one vitest setup every package uses: a JSON report per package under test-results/
 * (summed by scripts/test-summary.mjs) and, where a package tests against its mock, the
 * globalSetup that starts it once per run.
 */
export function vitestConfig(options: { globalSetup?: string[] } = {}): ViteUserConfig {
  return defineConfig({
    test: {
      testTimeout: 15_000,
      hookTimeout: 30_000,
      ...(options.globalSetup ? { globalSetup: options.globalSetup } : {}),
      reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    },
  });
}
