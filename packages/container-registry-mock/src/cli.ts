import { runMockCli } from '@scanapis/mock-kit';
import { sampleIds, testCredentials } from './credentials.js';
import { columnsOf } from './data.js';
import { type ContainerRegistryMock, DEFAULT_PORT, DEFAULT_SEED, DEFAULT_SIZE, startMock } from './index.js';

let started: ContainerRegistryMock | undefined;

await runMockCli({
  name: 'container-registry-mock',
  defaultPort: DEFAULT_PORT,
  notes: [
    `  defaults: --seed ${DEFAULT_SEED} --size ${DEFAULT_SIZE} (images); behavioural unless --static`,
    `  test credentials: ${testCredentials}`,
  ],
  start: async (options) => {
    started = await startMock(options);
    return started;
  },
});

if (started) {
  if (started.dataset) {
    const ids = sampleIds(started.dataset);
    const { imageCount, scanCount } = columnsOf(started.dataset);
    console.log(`test credentials: ${testCredentials}`);
    console.log(
      `dataset: seed ${started.dataset.seed}, ${imageCount} images, ${scanCount} scans; ` +
        `try imageId=${ids.imageId}, repositoryId=${ids.repositoryId}, registryId=${ids.registryId}, folderId=${ids.folderId}`,
    );
  } else {
    console.log("static mock: the spec's examples; any non-empty bearer token; Prefer: code=<status>");
  }
}
