// Prints one "N passed, N failed" line for unit, component, db and e2e tests together.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0
if (existsSync('reports/vitest.json')) {
  const v = JSON.parse(readFileSync('reports/vitest.json', 'utf8'))
  passed += v.numPassedTests
  failed += v.numFailedTests
  skipped += v.numPendingTests + v.numTodoTests
}
if (existsSync('reports/playwright.json')) {
  const p = JSON.parse(readFileSync('reports/playwright.json', 'utf8')).stats
  passed += p.expected + p.flaky
  failed += p.unexpected
  skipped += p.skipped
}
if (passed + failed === 0) {
  console.log('0 passed, 1 failed: no test report was written (a step before the tests failed)')
  process.exit(1)
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
