// Prints `N passed, N failed` from Vitest JSON reports (the README test run, the Node 24 run),
// summed; exits 1 when a report is missing or a test failed, so a run that tested nothing can
// never look green.
import { readFileSync } from "node:fs";

const files = process.argv.length > 2 ? process.argv.slice(2) : [".ci/out/tests.json"];
let passed = 0;
let failed = 0;
for (const file of files) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.log(`no test report at ${file}: ${error.message}`);
    failed += 1;
    continue;
  }
  const filePassed = report.numPassedTests ?? 0;
  // A file that failed outside its tests (a beforeAll that threw) fails no test, and its tests
  // read as skipped: it counts as one failure, or a broken suite would look green here.
  const brokenFiles = (report.testResults ?? []).filter(
    (result) =>
      result.status === "failed" &&
      !(result.assertionResults ?? []).some((test) => test.status === "failed"),
  ).length;
  const fileFailed = (report.numFailedTests ?? 0) + brokenFiles;
  if (files.length > 1) console.log(`${file}: ${filePassed} passed, ${fileFailed} failed`);
  passed += filePassed;
  failed += fileFailed + (filePassed === 0 && fileFailed === 0 ? 1 : 0);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
