// Adds up the gate (scripts/check.sh) into the one line CI reads, printed last:
// `N passed, N failed` (a skipped test counts as failed). Each gate step (typecheck, lint, format, build) counts as one
// check; Vitest and Playwright count their tests from their JSON reports. A missing or unreadable
// report counts as a failure, so a crashed runner cannot turn into `0 passed, 0 failed`.
// Exits 1 when anything failed.
import { readFileSync } from 'node:fs';

const GATE_STEPS = ['typecheck', 'lint', 'format', 'build'];

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const isCount = (n) => Number.isInteger(n) && n >= 0;

let passed = 0;
let failed = 0;
let skipped = 0;
const notes = [];
function fail(note, n = 1) {
  failed += n;
  notes.push(note);
}

const steps = readJson('reports/steps.json') ?? {};
for (const name of GATE_STEPS) {
  if (steps[name] === 'passed') passed += 1;
  else fail(`${name}: ${steps[name] ?? 'did not run'}`);
}

const vitest = readJson('reports/vitest.json');
if (!vitest || !isCount(vitest.numPassedTests) || !isCount(vitest.numFailedTests)) {
  fail('vitest: no readable report (reports/vitest.json)');
} else {
  passed += vitest.numPassedTests;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  if (vitest.numFailedTests > 0)
    fail(`vitest: ${vitest.numFailedTests} failed`, vitest.numFailedTests);
  // A test file that fails to load has no failing test, only a failed file.
  const brokenFiles = (vitest.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  );
  for (const file of brokenFiles) fail(`vitest: ${file.name}: ${file.message || 'failed to run'}`);
  if (steps.vitest !== 'passed' && vitest.numFailedTests === 0 && brokenFiles.length === 0) {
    fail('vitest: exited non-zero (see its output above)');
  }
}

const playwright = readJson('reports/playwright.json');
const stats = playwright?.stats;
if (!stats || !isCount(stats.expected) || !isCount(stats.unexpected)) {
  fail('playwright: no readable report (reports/playwright.json)');
} else {
  passed += stats.expected + (stats.flaky ?? 0);
  skipped += stats.skipped ?? 0;
  if (stats.unexpected > 0) fail(`playwright: ${stats.unexpected} failed`, stats.unexpected);
  const errors = playwright.errors ?? [];
  if (stats.unexpected === 0 && (errors.length > 0 || steps.playwright !== 'passed')) {
    fail(`playwright: ${errors[0]?.message?.split('\n')[0] ?? 'exited non-zero'}`);
  }
}

for (const note of notes) console.log(`failed: ${note}`);
// A skipped test is not a pass: it is reported, and the line CI reads stays exactly `N passed, N failed`.
if (skipped > 0) console.log(`skipped: ${skipped} (counted as failed)`);
console.log(`${passed} passed, ${failed + skipped} failed`);
process.exitCode = failed > 0 ? 1 : 0;
