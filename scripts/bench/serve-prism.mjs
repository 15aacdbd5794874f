// Child process: Prism's own static mock (`prism mock`) of one bundled spec, on a free loopback
// port; sends { url } once it answers, 'stop' ends it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const spec = process.argv[2];
const prism = new URL('../../node_modules/.bin/prism', import.meta.url).pathname;
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const child = spawn(prism, ['mock', '-h', '127.0.0.1', '-p', String(port), spec], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
const url = `http://127.0.0.1:${port}`;
const deadline = Date.now() + 60_000;
for (;;) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) }).then((r) => r.arrayBuffer());
    break;
  } catch {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error(`prism mock ${spec} did not answer within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
process.on('message', (m) => {
  if (m === 'stop') {
    child.once('exit', () => process.exit(0));
    child.kill();
  }
});
process.send?.({ url });
