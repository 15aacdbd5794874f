#!/usr/bin/env node
// Fails when committed generated code differs from what `generate` just wrote.
// Usage (from a package): node ../../scripts/check-generated.mjs src/generated
import { execFileSync } from 'node:child_process';

const dir = process.argv[2] ?? 'src/generated';
const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();
let changed;
try {
  changed = git('status', '--porcelain', '--', dir);
} catch (error) {
  console.error(`check-generated: git is needed to compare ${dir} with the commit: ${error.message}`);
  process.exit(1);
}
if (changed) {
  console.error(
    `check-generated: ${dir} is stale — regenerated files differ from the committed ones:\n${changed}`,
  );
  console.error('Commit the regenerated files (they are produced by `pnpm turbo run generate`).');
  process.exit(1);
}
console.log(`check-generated: ${dir} matches the commit`);
