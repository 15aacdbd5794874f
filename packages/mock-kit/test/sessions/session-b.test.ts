import { sessionIsolation } from './suite.js';

// Runs at the same time as session-a.test.ts, against the same HTTP mock.
sessionIsolation({ session: 'file-b', status: 429 }, { session: 'file-a' });
