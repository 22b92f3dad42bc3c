/**
 * Reads how a repository runs its tools from its `package.json` scripts: each script split into
 * the commands it chains (`a && b; c`), each command into its words (quotes honoured, as a POSIX
 * shell would), with the launchers in front of a tool set aside (`npx`, `pnpm exec`, `yarn`,
 * `cross-env X=1`, `FOO=1`), so `"lint": "cross-env CI=1 npx eslint --max-warnings 0 src"` is
 * the tool `eslint` with the arguments `--max-warnings 0 src`. The gate then runs the tool itself,
 * on the repository's own scope, instead of running a script that may also fix or write files.
 */
import { parse } from "shell-quote";

/** One command of a script. */
export interface ScriptCommand {
  /** The script it is part of (`lint`, `test`). */
  readonly script: string;
  /** The program, launchers removed (`eslint`, `vitest`, `node`, `pnpm`). */
  readonly program: string;
  /** Its arguments. */
  readonly args: readonly string[];
  /**
   * The whole command (launchers and variables included) as the shell should run it again: each
   * word quoted, globs the script left unquoted still unquoted, so the shell expands them as it
   * would have.
   */
  readonly shell: string;
}

/** Launchers that run the next word as the program. */
const LAUNCHERS = new Set(["npx", "bunx", "dotenv", "cross-env", "env", "time", "nice"]);
/** Package managers whose `exec` / `dlx` / bare invocation of a binary runs it. */
const MANAGERS = new Set(["pnpm", "yarn", "npm", "bun"]);

/**
 * Splits a script into its commands.
 *
 * @param script - the script's name
 * @param text - its command line
 * @returns its commands, in order, with launchers removed
 * @example
 * ```ts
 * scriptCommands("lint", "eslint . && prettier -c src");
 * // [{ script: "lint", program: "eslint", args: ["."] }, { script: "lint", program: "prettier", args: ["-c", "src"] }]
 * ```
 */
export function scriptCommands(script: string, text: string): ScriptCommand[] {
  return splitCommands(text).flatMap((tokens) => {
    const command = withoutLaunchers(tokens.map((token) => token.word));
    return command === undefined ? [] : [{ script, ...command, shell: shellText(tokens) }];
  });
}

/**
 * Every command of every script that runs one of the given programs.
 *
 * @param scripts - the scripts by name
 * @param programs - the programs to look for (`prettier`, `biome`)
 * @returns the commands found, in script order
 * @example
 * ```ts
 * commandsOf({ fmt: "prettier --write src" }, ["prettier"]); // [{ script: "fmt", program: "prettier", args: ["--write", "src"] }]
 * ```
 */
export function commandsOf(
  scripts: Readonly<Record<string, string>>,
  programs: readonly string[],
): ScriptCommand[] {
  return Object.entries(scripts).flatMap(([name, text]) =>
    scriptCommands(name, text).filter((command) => programs.includes(command.program)),
  );
}

/**
 * The paths a command names: its arguments that are not options nor an option's value.
 *
 * @param args - the command's arguments
 * @param valued - the options that take a value (`--config`, `-c`)
 * @returns the path and glob arguments, in order
 * @example
 * ```ts
 * pathArguments(["--max-warnings", "0", "src", "test"], ["--max-warnings"]); // ["src", "test"]
 * ```
 */
export function pathArguments(args: readonly string[], valued: readonly string[]): string[] {
  const paths: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--") {
      paths.push(...args.slice(index + 1));
      break;
    }
    if (arg.startsWith("-")) {
      if (valued.includes(arg)) index++;
      continue;
    }
    paths.push(arg);
  }
  return paths;
}

/**
 * The words of each command of a command line: split at `&&`, `||`, `;`, `|` and `&`, by
 * shell-quote's POSIX-shell tokenizer (quotes and escapes as a shell reads them, variables left as
 * written, unquoted globs kept as their pattern).
 */
function splitCommands(text: string): Token[][] {
  const commands: Token[][] = [[]];
  for (const token of parse(text, (name) => `$${name}`)) {
    if (typeof token === "string") commands.at(-1)?.push({ word: token, glob: false });
    else if ("op" in token && token.op === "glob") {
      commands.at(-1)?.push({ word: token.pattern, glob: true });
    } else if ("op" in token) commands.push([]);
  }
  return commands.filter((tokens) => tokens.length > 0);
}

/** A word of a command, and whether the shell expands it (an unquoted glob). */
interface Token {
  readonly word: string;
  readonly glob: boolean;
}

/** The command as the shell should see it again: words quoted, unquoted globs left to expand. */
function shellText(tokens: readonly Token[]): string {
  return tokens.map((token) => (token.glob ? token.word : quoteWord(token.word))).join(" ");
}

/**
 * A word as a POSIX shell reads it back: as it is when it holds only characters the shell takes
 * literally (so `A=1` stays an assignment), else in single quotes (as Python's `shlex.quote`).
 */
function quoteWord(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'"'"'`)}'`;
}

/** The program and arguments once `npx`, `pnpm exec`, `cross-env A=1` and `A=1` are set aside. */
function withoutLaunchers(
  words: readonly string[],
): Omit<ScriptCommand, "script" | "shell"> | undefined {
  let rest = [...words];
  for (;;) {
    const [first, second] = rest;
    if (first === undefined) return undefined;
    if (/^[A-Za-z_][\w]*=/.test(first)) rest = rest.slice(1);
    else if (LAUNCHERS.has(first))
      rest = rest.slice(1).filter((word, index) => index > 0 || !word.startsWith("-"));
    else if (MANAGERS.has(first) && (second === "exec" || second === "dlx" || second === "x"))
      rest = rest.slice(2);
    else return { program: first.replace(/^.*[\\/]/, ""), args: rest.slice(1) };
  }
}
