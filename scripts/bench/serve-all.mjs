// Child process: the three mocks as `pnpm start` starts them (behavioural), on free ports.
import { mockModule } from './targets.mjs';

const urls = {};
for (const api of ['container-registry', 'hss', 'gecko']) {
  const { startMock } = await import(mockModule(api));
  urls[api] = (await startMock({ port: 0, host: '127.0.0.1' })).url;
}
process.send?.({ urls });
process.on('message', (m) => m === 'stop' && process.exit(0));
