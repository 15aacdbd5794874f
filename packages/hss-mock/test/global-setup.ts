import { mockGlobalSetup } from '@scanapis/contract-kit';
import { startMock } from '../src/index.js';

export default mockGlobalSetup(startMock);
