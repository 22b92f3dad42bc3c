// The sink rules see the module however the file imports it: ES import, TypeScript's
// `import x = require()`, or a CommonJS `require` (whole or destructured).
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { securityPlugin } from "../../src/secure/security-plugin.js";

function sinks(code: string): [string | null, number][] {
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.cts"],
        languageOptions: { parser: tseslint.parser },
        plugins: { "ladder-security": securityPlugin },
        rules: {
          "ladder-security/no-dynamic-exec": "error",
          "ladder-security/no-dynamic-vm": "error",
        },
      },
    ],
    "src/module.cts",
  );
  return messages.map((message) => [message.ruleId, message.line]);
}

describe("ladder-security sinks through CommonJS imports", () => {
  it.each([
    ['import vm = require("node:vm");', "vm.runInThisContext(code);"],
    ['const vm = require("vm");', "new vm.Script(code);"],
    ['const { runInThisContext: run } = require("node:vm");', "run(code);"],
  ])("reports dynamic code after %s", (importing, call) => {
    expect(sinks(`${importing}\ndeclare const code: string;\n${call}\n`)).toEqual([
      ["ladder-security/no-dynamic-vm", 3],
    ]);
  });

  it("reports a shell command built at run time after import cp = require()", () => {
    const code =
      'import cp = require("node:child_process");\ncp.execSync(`ls ${process.cwd()}`);\n';
    expect(sinks(code)).toEqual([["ladder-security/no-dynamic-exec", 2]]);
  });

  it("lets static code and other modules' functions of the same name pass", () => {
    const code = [
      'import vm = require("node:vm");',
      'import other = require("./other.cjs");',
      'const { runInThisContext } = require("./mine.cjs");',
      "declare const code: string;",
      'vm.runInThisContext("1 + 1");',
      "other.runInThisContext(code);",
      "runInThisContext(code);",
    ].join("\n");
    expect(sinks(code)).toEqual([]);
  });
});
