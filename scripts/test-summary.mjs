#!/usr/bin/env node
// Sums every package's vitest JSON report (test-results/vitest.json) into one closing line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const group of ['specs', 'packages', 'apps']) {
  if (!existsSync(join(root, group))) continue;
  for (const name of readdirSync(join(root, group))) {
    const file = join(root, group, name, 'test-results', 'vitest.json');
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    rows.push(`${`${group}/${name}`.padEnd(36)} ${String(report.numPassedTests).padStart(5)} passed`);
  }
}
console.log(rows.join('\n'));
if (passed + failed === 0) {
  console.error('test-summary: no test reports found (did the tests run?)');
  process.exit(1);
}
console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
