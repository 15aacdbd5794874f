#!/usr/bin/env node
// Sums every package's vitest JSON report (test-results/vitest.json) into one closing line; with
// package directories as arguments (`packages/gecko-mock` …), only theirs, each required — the
// run that tested only them (`pnpm test:100k`) is not summed with other packages' older reports.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const chosen = process.argv.slice(2);
const dirs = chosen.length
  ? chosen
  : ['specs', 'packages', 'apps']
      .filter((group) => existsSync(join(root, group)))
      .flatMap((group) => readdirSync(join(root, group)).map((name) => `${group}/${name}`));
let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const dir of dirs) {
  const file = join(root, dir, 'test-results', 'vitest.json');
  if (!existsSync(file)) {
    if (chosen.length) {
      console.error(`test-summary: no test report in ${dir} (did its tests run?)`);
      process.exit(1);
    }
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  rows.push(`${dir.padEnd(36)} ${String(report.numPassedTests).padStart(5)} passed`);
}
console.log(rows.join('\n'));
if (passed + failed === 0) {
  console.error('test-summary: no test reports found (did the tests run?)');
  process.exit(1);
}
console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
