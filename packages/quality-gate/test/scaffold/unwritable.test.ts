// `new` and `init` where the file system refuses to write: one line with FILE_UNWRITABLE, exit 2,
// no stack, and the repository as it was. Two ways to refuse, both usable in CI (which runs as
// root, who may write anywhere): a file where a folder must be (ENOTDIR, refused to anyone), and
// a folder made read-only to a run without the capabilities that override permissions (EACCES).
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { canHonourPermissions, runBin } from "../support/run-bin.js";
import { snapshot, tempRepo } from "../support/temp-repo.js";

const readOnly: string[] = [];
afterEach(() => {
  for (const dir of readOnly.splice(0)) chmodSync(dir, 0o755);
});

function makeReadOnly(dir: string): void {
  chmodSync(dir, 0o555);
  readOnly.push(dir);
}

function singlePackage(): string {
  return tempRepo({
    "package.json": JSON.stringify({ name: "demo", type: "module" }),
    "src/index.ts": 'export const version = "1";\n',
  });
}

function expectRefusal(run: { status: number | null; stderr: string }, message: RegExp): void {
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.status).toBe(2);
}

describe("new where a folder cannot be written", { timeout: 60_000 }, () => {
  it("refuses when test/ is a file, taking back src/ and leaving the index alone", () => {
    const root = singlePackage();
    writeFileSync(join(root, "test"), "a file, not a folder\n");
    const before = snapshot(root);
    const run = runBin(["new", "module", "OrderTotals"], root);
    expectRefusal(
      run,
      /^quality-gate: Cannot write test\/order-totals\.test\.ts \(ENOTDIR: not a directory\); nothing was written\..*\[FILE_UNWRITABLE\]$/m,
    );
    expect(snapshot(root)).toEqual(before);
  });

  it.runIf(canHonourPermissions)("refuses a read-only test/ folder", () => {
    const root = singlePackage();
    mkdirSync(join(root, "test"));
    makeReadOnly(join(root, "test"));
    const before = snapshot(root);
    const run = runBin(["new", "module", "OrderTotals"], root, { honourPermissions: true });
    expectRefusal(
      run,
      /Cannot write test\/order-totals\.test\.ts \(EACCES: permission denied\); nothing was written\..*\[FILE_UNWRITABLE\]/,
    );
    expect(snapshot(root)).toEqual(before);
  });
});

describe("init where the repository cannot be written", { timeout: 60_000 }, () => {
  it.runIf(canHonourPermissions)("refuses a read-only repository folder", () => {
    const root = tempRepo({ "package.json": '{ "name": "bare" }\n' });
    makeReadOnly(root);
    const before = snapshot(root);
    const run = runBin(["init"], root, { honourPermissions: true });
    expectRefusal(
      run,
      /^quality-gate: Cannot write in \/.* \(EACCES: permission denied\); nothing was written\..*\[FILE_UNWRITABLE\]$/m,
    );
    expect(snapshot(root)).toEqual(before);
  });

  it("refuses when .husky is a file, leaving the configs and package.json as they were", () => {
    const root = tempRepo({ "package.json": '{ "name": "bare" }\n', ".husky": "not a folder\n" });
    const before = snapshot(root);
    const run = runBin(["init"], root);
    expectRefusal(run, /Cannot write \.husky\/pre-commit \(ENOTDIR: not a directory\)/);
    expect(snapshot(root)).toEqual(before);
  });
});
