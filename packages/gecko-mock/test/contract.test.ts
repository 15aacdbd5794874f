import { contractSuite } from '@scanapis/contract-kit';
import { inject } from 'vitest';
import { specFile } from '../src/index.js';
import { auth, triggers } from './triggers.js';

// The behavioural Gecko mock against the Gecko spec: examples, every declared response,
// generated boundaries — with the documented test key.
contractSuite({ specFile, baseUrl: () => inject('mockUrl'), auth, triggers });
