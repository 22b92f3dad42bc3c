// Biome's GitHub reporter output read into annotations: level, rule, place and message, with the
// workflow-command escapes undone and other lines left out.
import { describe, expect, it } from "vitest";
import { parseAnnotations } from "../../src/tools/github-annotations.js";

describe("parseAnnotations", () => {
  it("reads each annotation's level, title, place and message, in order", () => {
    const output = [
      "Checked 3 files in 4ms. No fixes applied.",
      "::error title=lint/suspicious/noDebugger,file=src/a.ts,line=3,endLine=3,col=5,endColumn=14::This is an unexpected use of the debugger statement.",
      "::warning title=lint/style/useConst,file=src/b.ts,line=1,col=1::This let declares a variable that is only assigned once.",
      "Found 1 error.",
    ].join("\r\n");
    expect(parseAnnotations(output)).toEqual([
      {
        level: "error",
        title: "lint/suspicious/noDebugger",
        file: "src/a.ts",
        line: 3,
        column: 5,
        message: "This is an unexpected use of the debugger statement.",
      },
      {
        level: "warning",
        title: "lint/style/useConst",
        file: "src/b.ts",
        line: 1,
        column: 1,
        message: "This let declares a variable that is only assigned once.",
      },
    ]);
  });

  it("undoes the escapes in properties and messages", () => {
    expect(
      parseAnnotations(
        "::error title=format,file=src/odd%2Cname%3A1.ts,line=2,col=1::Formatter would have printed:%0A  a%25b",
      ),
    ).toEqual([
      {
        level: "error",
        title: "format",
        file: "src/odd,name:1.ts",
        line: 2,
        column: 1,
        message: "Formatter would have printed:\n  a%b",
      },
    ]);
  });

  it("places an annotation without a file, line or column at 1:1 with no file", () => {
    expect(parseAnnotations("::notice::The configuration is deprecated.")).toEqual([
      {
        level: "notice",
        title: "",
        file: undefined,
        line: 1,
        column: 1,
        message: "The configuration is deprecated.",
      },
    ]);
  });

  it("reads a line or column that is not a number as 1, and skips pairs without a key", () => {
    expect(parseAnnotations("::error title=x,line=abc,col=0,=orphan,noequals::broken")).toEqual([
      { level: "error", title: "x", file: undefined, line: 1, column: 1, message: "broken" },
    ]);
  });

  it("ignores lines that are not annotations", () => {
    expect(parseAnnotations("::debug::x\n::error\nerror: ::error::x\n")).toEqual([]);
  });
});
