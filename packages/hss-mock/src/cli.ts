import { runMockCli } from '@scanapis/mock-kit';
import { testCredentials } from './credentials.js';
import { DEFAULT_SEED, DEFAULT_SIZE } from './data.js';
import { DEFAULT_PORT, startMock } from './index.js';

await runMockCli({
  name: 'hss-mock',
  defaultPort: DEFAULT_PORT,
  notes: [
    `  defaults      --seed ${DEFAULT_SEED} --size ${DEFAULT_SIZE} (images over every enterprise project)`,
    `  credentials   ${testCredentials}`,
  ],
  start: startMock,
});
