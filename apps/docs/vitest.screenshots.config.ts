// `pnpm docs:screenshots` (not part of `pnpm test`): takes the README's screenshots from the real
// site in Chromium, with the browser tests' own launcher. Writes screenshots/*.png.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['screenshots/take.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
