import { edgeSuite } from '@scanapis/contract-kit';
import { specFile, startMock } from '../src/index.js';
import { auth } from './triggers.js';

// The shared raw-socket table (contract-kit): every edge in Gecko's format.
edgeSuite({ specFile, start: (options) => startMock({ ...options, port: 0 }), auth });
