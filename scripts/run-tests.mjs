#!/usr/bin/env node
// Runs the whole test suite with Vitest and ends with the plain "N passed, N failed" line that CI reads.
// Extra arguments are passed to Vitest (e.g. a file filter).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-tests-'));
const report = join(dir, 'report.json');
const vitest = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.numPassedTests;
  // A file that fails to load runs no test at all: count it as one failure so it cannot pass unseen.
  const brokenFiles = result.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  failed = result.numFailedTests + brokenFiles;
  skipped = result.numPendingTests + (result.numTodoTests ?? 0);
} catch {
  failed = Math.max(failed, 1);
  console.error('The test runner wrote no report: counting the run as failed.');
}
rmSync(dir, { recursive: true, force: true });
if (passed + failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1);
