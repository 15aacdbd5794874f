import { defineConfig, mergeConfig } from 'vitest/config';
import { vitestConfig } from '../../vitest.shared.js';

// Two workers at least, so the two session files run at the same time against one HTTP mock
// (the default on a 2-core machine is one); their globalSetup starts that mock.
export default mergeConfig(
  vitestConfig(),
  defineConfig({
    test: {
      maxWorkers: 2,
      projects: [
        { extends: true, test: { name: 'unit', include: ['test/*.test.ts'] } },
        {
          extends: true,
          test: {
            name: 'sessions',
            include: ['test/sessions/*.test.ts'],
            globalSetup: ['test/sessions/global-setup.ts'],
          },
        },
      ],
    },
  }),
);
