import { mswEntrySuite } from '@scanapis/contract-kit';

mswEntrySuite(new URL('../dist/', import.meta.url));
