import { runMockCli } from '@scanapis/mock-kit';
import { DEFAULT_PORT, startMock } from './index.js';

await runMockCli({ name: 'hss-mock', defaultPort: DEFAULT_PORT, start: startMock });
