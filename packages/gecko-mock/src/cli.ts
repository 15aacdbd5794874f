import { runMockCli } from '@scanapis/mock-kit';
import { DEFAULT_PORT, startMock } from './index.js';

await runMockCli({ name: 'gecko-mock', defaultPort: DEFAULT_PORT, start: startMock });
