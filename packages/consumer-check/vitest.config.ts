import { mergeConfig } from 'vitest/config';
import { vitestConfig } from '../../vitest.shared.js';

// test/fixtures/outside/ runs in the temp project outside the workspace, not here.
export default mergeConfig(vitestConfig(), { test: { exclude: ['test/fixtures/**', '**/node_modules/**'] } });
