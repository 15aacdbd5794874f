// Child process: the throughput rows' load generator, apart from the bench's own process (whose
// heap holds in-process mocks and earlier results, so its GC pauses would count as server latency).
// Answers each { url, headers, count, connections } message with `blast()`'s result; 'stop' exits.
import { blast } from './blast.mjs';

process.on('message', async (m) => {
  if (m === 'stop') process.exit(0);
  try {
    process.send({ result: await blast(m.url, m.headers, m) });
  } catch (error) {
    process.send({ error: error.message });
  }
});
process.send({ ready: true });
