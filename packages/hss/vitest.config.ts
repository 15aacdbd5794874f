import { vitestConfig } from '../../vitest.shared.js';

// No mock server for the whole run: tests answer from createMockFetch() in-process, and the few
// that need a socket (redirects, a refused connection, the over-the-wire check) start their own.
export default vitestConfig();
