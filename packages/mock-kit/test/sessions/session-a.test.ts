import { sessionIsolation } from './suite.js';

// Runs at the same time as session-b.test.ts, against the same HTTP mock.
sessionIsolation({ session: 'file-a', status: 503 }, { session: 'file-b' });
