// Lib files parsed and bound once serve a later Program only when its options make the same files.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createProgram } from "../../src/ladder/create-program.js";
import { readTsconfig } from "../../src/project/read-tsconfig.js";
import { libOptions, libReuseKey, SNAPSHOT_GLOBAL_NAME } from "../../src/snapshot/lib-reuse.js";
import { preparsedLibFiles } from "../../src/snapshot/preparsed-libs.js";
import type { StartupSnapshot } from "../../src/snapshot/snapshot-types.js";
import ts from "typescript";

const clean = fileURLToPath(new URL("../fixtures/clean", import.meta.url));
const brokenCompile = fileURLToPath(new URL("../fixtures/broken-compile", import.meta.url));
const cleanOptions = readTsconfig(clean).parsed?.options ?? {};
const libDir = dirname(ts.getDefaultLibFilePath(cleanOptions));

/** The fixture's own diagnostics and the global ones (checking the lib files too takes seconds). */
function diagnosticsOf(program: ts.Program): string[] {
  const own = program
    .getSourceFiles()
    .filter((file) => !file.fileName.includes("/node_modules/"));
  return [
    ...program.getGlobalDiagnostics(),
    ...own.flatMap((file) => ts.getPreEmitDiagnostics(program, file)),
  ].map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

/** The lib files of a finished Program, as a snapshot would hold them: parsed and bound. */
function libFilesOf(program: ts.Program): Map<string, ts.SourceFile> {
  program.getTypeChecker();
  return new Map(
    program
      .getSourceFiles()
      .filter((file) => dirname(file.fileName) === libDir)
      .map((file) => [file.fileName, file]),
  );
}

/** Pretends this process started from a snapshot holding `files` under `key`. */
function startFrom(key: string | undefined, files: ReadonlyMap<string, ts.SourceFile>): void {
  const snapshot: StartupSnapshot = {
    blob: "test.blob",
    libFiles: (wanted) => (wanted === key ? files : undefined),
  };
  Object.assign(globalThis, { [Symbol.for(SNAPSHOT_GLOBAL_NAME)]: snapshot });
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, Symbol.for(SNAPSHOT_GLOBAL_NAME));
});

describe("libReuseKey", () => {
  it("is the same for options that differ only where lib files do not care", () => {
    const other = { ...cleanOptions, outDir: "/elsewhere", declaration: true, noEmit: true };
    expect(libReuseKey(ts, other)).toBe(libReuseKey(ts, cleanOptions));
  });

  it.each([
    ["target", { target: ts.ScriptTarget.ES2020 }],
    ["lib", { lib: ["lib.es2023.d.ts"] }],
    ["module", { module: ts.ModuleKind.CommonJS }],
    ["strict", { strict: false }],
  ])("differs when %s differs", (_name, change) => {
    expect(libReuseKey(ts, { ...cleanOptions, ...change })).not.toBe(
      libReuseKey(ts, cleanOptions),
    );
  });

  it("is the key of the options libOptions keeps, so a snapshot can be built from those alone", () => {
    const kept = libOptions(ts, cleanOptions) ?? {};
    expect(kept).not.toHaveProperty("outDir");
    expect(libReuseKey(ts, kept)).toBe(libReuseKey(ts, cleanOptions));
  });
});

describe("a Program in a process started from a snapshot", () => {
  it("takes the snapshot's lib files, and reports what a Program that parsed its own reports", () => {
    // Prepared for another repository with the same options, as a snapshot's files are.
    const prepared = libFilesOf(createProgram(clean));
    const fresh = createProgram(brokenCompile);
    startFrom(libReuseKey(ts, cleanOptions), prepared);
    const reusing = createProgram(brokenCompile);
    const lib = join(libDir, "lib.es2022.d.ts");
    expect(prepared.has(lib)).toBe(true);
    expect(reusing.getSourceFile(lib)).toBe(prepared.get(lib));
    expect(fresh.getSourceFile(lib)).not.toBe(prepared.get(lib));
    expect(diagnosticsOf(fresh)).not.toEqual([]);
    expect(diagnosticsOf(reusing)).toEqual(diagnosticsOf(fresh));
  });

  it("parses its own when the snapshot holds lib files for other options", () => {
    const prepared = libFilesOf(createProgram(clean));
    startFrom(libReuseKey(ts, { ...cleanOptions, target: ts.ScriptTarget.ES2020 }), prepared);
    expect(preparsedLibFiles(cleanOptions)).toBeUndefined();
    const lib = join(libDir, "lib.es2022.d.ts");
    expect(createProgram(clean).getSourceFile(lib)).not.toBe(prepared.get(lib));
  });

  it("parses its own in a process started the ordinary way", () => {
    expect(preparsedLibFiles(cleanOptions)).toBeUndefined();
  });
});
