import { vitestConfig } from '../../vitest.shared.js';

export default vitestConfig({ globalSetup: ['test/global-setup.ts'] });
