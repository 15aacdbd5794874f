import { mockGlobalSetup } from '@scanapis/contract-kit';
import { startMock } from '@scanapis/hss-mock';

export default mockGlobalSetup(startMock);
