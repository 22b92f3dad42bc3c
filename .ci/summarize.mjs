// Prints `N passed, N failed` from a Vitest JSON report; exits 1 when the report is missing or a
// test failed, so a run that tested nothing can never look green.
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? ".ci/out/tests.json";
let report;
try {
  report = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.log(`no test report at ${file}: ${error.message}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
