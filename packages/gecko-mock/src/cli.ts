import { runMockCli } from '@scanapis/mock-kit';
import { cliNotes, DEFAULT_PORT, startMock } from './index.js';

// --port --host --seed --size --static --rate-limit, passed through to startMock.
await runMockCli({ name: 'gecko-mock', defaultPort: DEFAULT_PORT, notes: cliNotes, start: startMock });
