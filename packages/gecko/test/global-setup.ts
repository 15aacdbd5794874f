import { mockGlobalSetup } from '@scanapis/contract-kit';
import { startMock } from '@scanapis/gecko-mock';

export default mockGlobalSetup(startMock);
