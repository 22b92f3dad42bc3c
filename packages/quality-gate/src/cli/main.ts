/**
 * The command line: `check`, `fix`, `explain`, `warm`, `merge-reports`, `new`, `init`. Parses with
 * commander; turns usage and setup errors, and any unexpected error, into one line and exit code
 * 2 (the stack only with `--debug`). Every command is imported when it runs: `check` (the one
 * in every pre-commit hook) loads nothing of the scaffolder's, and the commands that build a
 * Program load only after the repository's TypeScript is chosen.
 */
import { Command, CommanderError } from "commander";
import { startupSnapshot } from "../snapshot/startup-snapshot.js";
import type { CheckFlags } from "./check-command.js";
import { applyColorFlag } from "./color.js";
import { describeFailure } from "./fatal.js";
import type { FixFlags } from "./fix-command.js";
import type { MergeFlags } from "./merge-command.js";
import type { InitFlags } from "./init-command.js";
import type { CliIo } from "./io.js";
import { messages } from "./messages.js";
import type { NewFlags } from "./new-command.js";
import { prepareCompiler } from "./prepare-compiler.js";
import { readFileSync } from "node:fs";

/**
 * Runs the CLI.
 *
 * @param argv - the arguments after `quality-gate`
 * @param io - working directory, environment and streams
 * @returns the exit code: 0 passed, 1 not, 2 usage or setup error
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  const debug = argv.includes("--debug");
  const snapshot = startupSnapshot();
  if (debug && snapshot !== undefined) {
    io.stderr.write(`quality-gate: started from the start-up snapshot ${snapshot.blob}\n`);
  }
  const program = buildProgram(applyColorFlag(argv, io), (result) => {
    code = result;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    return reportError(error, argv[0] ?? "quality-gate", io, debug);
  }
}

function buildProgram(io: CliIo, done: (code: number) => void): Command {
  const program = new Command("quality-gate")
    .description("Climb the production-readiness ladder on a TypeScript repository.")
    .version(ownVersion(), "-v, --version", "print the version")
    .helpOption("-h, --help", "show help for a command")
    // Read by main() before parsing (see applyColorFlag); declared here for --help.
    .option("--color", "colour the report even when stdout is not a terminal")
    .option("--no-color", "never colour the report (NO_COLOR=1 does the same)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // A usage error is one line with its code, like every other way a run ends early.
      outputError: (text) =>
        io.stderr.write(`${messages.setupError("USAGE", messages.usage(text))}\n`),
    });
  addCheckCommands(program, io, done);
  addFixCommand(program, io, done);
  addWarmCommand(program, io, done);
  addMergeCommand(program, io, done);
  addScaffoldCommands(program, io, done);
  return program;
}

/** `check` and `explain`: judge a repository. */
function addCheckCommands(program: Command, io: CliIo, done: (code: number) => void): void {
  program.commandsGroup("Judge a repository:");
  program
    .command("check")
    .description("run the ladder's rungs and report where the code stands")
    .argument("[dir]", "the repository", ".")
    .optionsGroup("Rungs:")
    .option("--target <n>", "climb rungs 0..n (default 7)")
    .option("--stage <name>", "spike, precommit, tested, team, deploy, operations or maintenance")
    .option("--only <ids>", "run just these rungs, e.g. 4,7")
    .option("--bail", "stop at the first failing rung")
    .optionsGroup("Reports:")
    .option("-f, --format <formats>", "pretty, json, github, sarif, markdown, or a comma list")
    .option("-o, --output <file>", "write the report (one format) to a file")
    .option("--output-dir <dir>", "write each format to <dir>/quality-gate.<ext>")
    .optionsGroup("Scope:")
    .option("--since <ref>", "gate only what changed since the merge base with <ref>")
    .option("--staged", "gate only staged files and the files that import them (pre-commit)")
    .option("--shard <i/n>", "gate shard i of n (a deterministic slice of the files)")
    .optionsGroup("Baseline:")
    .option("--baseline <file>", "tolerate the findings recorded in <file>; create it if missing")
    .option("--update-baseline", "remove the fixed entries from the baseline file")
    .option("--force", "with --update-baseline: record every current finding, new ones too")
    .option("--fix", "first fix what the fixable rungs report (see fix), then check")
    .optionsGroup("Setup:")
    .option("-c, --config <file>", "the configuration file")
    .option("--no-cache", "ignore node_modules/.cache/quality-gate (per-file results)")
    .option("--debug", "print stacks for setup errors")
    .addHelpText("after", messages.checkFormatsHelp())
    .action(async (dir: string, flags: CheckFlags & { debug?: boolean }) => {
      const typescript = prepareCompiler(dir, io, flags.debug === true);
      // Imported once the compiler is chosen: it loads the compiler.
      const { checkCommand } = await import("./check-command.js");
      done(await checkCommand(dir, flags, io, typescript));
    });
  addExplainCommand(program, io, done);
}

/** `explain`: every check of one symbol. */
function addExplainCommand(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command("explain")
    .description("every check of one symbol (or of every symbol in a file), with fixes")
    .argument("<symbol|file>", "a public name such as TtlCache.get, or a file")
    .argument("[dir]", "the repository", ".")
    .option("--debug", "print stacks for setup errors")
    .action(async (query: string, dir: string, flags: { debug?: boolean }) => {
      prepareCompiler(dir, io, flags.debug === true);
      const { explainCommand } = await import("./explain-command.js");
      done(await explainCommand(query, dir, io));
    });
}

/** `fix`: write what the gate can know. */
function addFixCommand(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command("fix")
    .description(
      "fix what rungs 1, 2, 4 and 7 report: format, lint fixes, inferred types, doc tags",
    )
    .argument("[dir]", "the repository", ".")
    .option("--only <ids>", "fix just these rungs, some of 1,2,4,7")
    .option("--since <ref>", "fix only what check --since <ref> reports")
    .option("--staged", "fix only what check --staged reports")
    .option("--dry-run", "print the changes as a unified diff; write nothing")
    .option("--force", "also write files that have unstaged changes (or outside git)")
    .option("-c, --config <file>", "the configuration file")
    .option("--no-cache", "ignore node_modules/.cache/quality-gate (per-file results)")
    .option("--debug", "print stacks for setup errors")
    .action(async (dir: string, flags: FixFlags & { debug?: boolean }) => {
      const typescript = prepareCompiler(dir, io, flags.debug === true);
      const { fixCommand } = await import("./fix-command.js");
      done(await fixCommand(dir, flags, io, typescript));
    });
}

/** `warm`: prepare the start-up snapshot that check and explain start from. */
function addWarmCommand(program: Command, io: CliIo, done: (code: number) => void): void {
  program.commandsGroup("Run faster, in CI:");
  program
    .command("warm")
    .description("build a start-up snapshot so check and explain skip parsing TypeScript's libs")
    .argument("[dir]", "the repository whose compiler options to prepare for", ".")
    .option("--debug", "print stacks for setup errors")
    .action(async (dir: string, flags: { debug?: boolean }) => {
      prepareCompiler(dir, io, flags.debug === true);
      const { warmCommand } = await import("./warm-command.js");
      done(warmCommand(dir, io));
    });
}

/** `merge-reports`: join the reports of a sharded run. */
function addMergeCommand(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command("merge-reports")
    .description("join the JSON reports of check --shard i/n into the unsharded run's report")
    .argument("<files...>", "the shards' JSON reports")
    .option("-f, --format <formats>", "pretty, json, github, sarif, markdown, or a comma list")
    .option("-o, --output <file>", "write the report (one format) to a file")
    .option("--output-dir <dir>", "write each format to <dir>/quality-gate.<ext>")
    .option(
      "-c, --config <file>",
      "the configuration file (thresholds and weights of the verdict)",
    )
    .option("--debug", "print stacks for setup errors")
    .action(async (files: string[], flags: MergeFlags) => {
      const { mergeCommand } = await import("./merge-command.js");
      done(await mergeCommand(files, flags, io));
    });
}

/** `new` and `init`: bring code and repositories onto the ladder. */
function addScaffoldCommands(program: Command, io: CliIo, done: (code: number) => void): void {
  program.commandsGroup("Bring code onto the ladder:");
  program
    .command("new")
    .description("scaffold a module or package from a template; --list shows them")
    .argument("[template]", "cache, variety-cache, module or package")
    .argument("[name]", "the name in any case, such as UserCache")
    .option("--dir <dir>", "the package to write into, or the new package's folder")
    .option("--force", "replace files that exist")
    .option("--list", "list the templates")
    .option("--debug", "print stacks for setup errors")
    .action(async (template: string | undefined, name: string | undefined, flags: NewFlags) => {
      const { newCommand } = await import("./new-command.js");
      done(await newCommand(template, name, flags, io));
    });
  program
    .command("init")
    .description("add the ladder to a repository: configs, precommit script, pre-commit hook")
    .argument("[dir]", "the repository", ".")
    .option("--from <tarball|spec>", "add the gate from this tarball or spec, not this version")
    .option("--debug", "print stacks for setup errors")
    .action(async (dir: string, flags: InitFlags) => {
      const { initCommand } = await import("./init-command.js");
      done(await initCommand(dir, flags, io));
    });
}

function reportError(error: unknown, command: string, io: CliIo, debug: boolean): number {
  if (error instanceof CommanderError) {
    return ["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code)
      ? 0
      : 2;
  }
  io.stderr.write(describeFailure(error, command, debug));
  return 2;
}

/** The running package's version, for `--version`. */
function ownVersion(): string {
  const manifest = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  return (JSON.parse(manifest) as { version: string }).version;
}
