// Child process: one behavioural mock with `--size` (rate limit lifted) on a free loopback port.
// Sends { url, cpuMs } once it answers; answers 'mem' with its memory after a full GC, 'stop' closes.
import { mockModule } from './targets.mjs';

const [api, size] = [process.argv[2], Number(process.argv[3])];
const { startMock } = await import(mockModule(api));
const mock = await startMock({ port: 0, host: '127.0.0.1', size, rateLimit: 1e9 });
process.on('message', (m) => {
  if (m === 'mem') {
    globalThis.gc?.();
    process.send?.({ mem: process.memoryUsage() });
  }
  if (m === 'stop') mock.close().then(() => process.exit(0));
});
// The CPU the launch took (every thread, from the process start): steadier than wall time on a busy machine.
const cpu = process.cpuUsage();
process.send?.({ url: mock.url, cpuMs: (cpu.user + cpu.system) / 1000 });
