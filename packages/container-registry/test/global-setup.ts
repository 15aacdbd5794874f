import { startMock } from '@scanapis/container-registry-mock';
import { mockGlobalSetup } from '@scanapis/contract-kit';

export default mockGlobalSetup(startMock);
