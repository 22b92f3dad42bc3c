import {
  chmodSync,
  mkdtempSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openPrivateDirectory, readPrivateFile } from "../../src/fs/private-directory.js";

const posix = process.platform !== "win32";

describe.runIf(posix)("openPrivateDirectory", () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "private-directory-")));

  it("creates the directory for this user alone and returns its real path", () => {
    const dir = join(root, "made", "here");
    expect(openPrivateDirectory(dir, true)).toEqual({ path: dir });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("does not create it unless asked, and says it is missing", () => {
    expect(openPrivateDirectory(join(root, "absent"), false)).toEqual({
      problem: `${join(root, "absent")} does not exist`,
    });
  });

  it("checks where a link leads, and hands back that path", () => {
    const real = join(root, "real");
    openPrivateDirectory(real, true);
    symlinkSync(real, join(root, "link"));
    expect(openPrivateDirectory(join(root, "link"), false)).toEqual({ path: real });
    chmodSync(real, 0o775);
    expect(openPrivateDirectory(join(root, "link"), false)).toEqual({
      problem: `${real} is writable by other users (mode 775)`,
    });
  });

  it("says why a directory cannot be created", () => {
    const file = join(root, "a-file");
    writeFileSync(file, "");
    expect(openPrivateDirectory(join(file, "below"), true).problem).toMatch(
      /a-file[/\\]below cannot be created \(ENOTDIR/,
    );
  });
});

describe.runIf(posix)("readPrivateFile", () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "private-file-")));

  it("reads this user's file, and refuses a link or a file others can write", () => {
    const file = join(root, "mine");
    writeFileSync(file, "text", { mode: 0o600 });
    expect(readPrivateFile(file).data?.toString()).toBe("text");
    symlinkSync(file, join(root, "link"));
    expect(readPrivateFile(join(root, "link")).problem).toMatch(/link cannot be read \(ELOOP\)$/);
    chmodSync(file, 0o646);
    expect(readPrivateFile(file)).toEqual({
      problem: `${file} is writable by other users (mode 646)`,
    });
    expect(readPrivateFile(join(root, "none"))).toEqual({
      problem: `${join(root, "none")} does not exist`,
    });
  });
});
