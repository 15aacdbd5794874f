import { contractSuite, mockUrl } from '@scanapis/contract-kit';
import { specFile } from '../src/index.js';
import { auth, triggers } from './triggers.js';

// The behavioural Gecko mock against the Gecko spec: examples, every declared response,
// generated boundaries — with the documented test key.
contractSuite({ specFile, baseUrl: mockUrl, auth, triggers });
