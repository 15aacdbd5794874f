// Child process: one behavioural mock (rate limit lifted so the load is not refused) on a free
// loopback port. Prints its URL; answers 'mem' with its memory after a full GC.
import { mockModule } from './targets.mjs';

const api = process.argv[2];
const { startMock } = await import(mockModule(api));
const mock = await startMock({ port: 0, host: '127.0.0.1', rateLimit: 1e9 });
process.on('message', (m) => {
  if (m === 'mem') {
    globalThis.gc?.();
    process.send?.({ mem: process.memoryUsage() });
  }
  if (m === 'stop') mock.close().then(() => process.exit(0));
});
process.send?.({ url: mock.url });
