/**
 * Rung 6, observable: the telemetry channels a package emits and the channels its docs list must be
 * the same set. Emitted means a `diagnostics_channel.channel(name)` or `tracingChannel(name)` call
 * in the package's sources whose name the type checker resolves to a string literal (a constant such
 * as `CHANNELS.hit` declared `as const` counts). Documented means the exact name, backticked, in a
 * TSDoc comment of the package's sources or in its README, whatever its style: `ladder:cache:hit`,
 * `mylib.request`, `request`.
 *
 * The other way round, a backticked name claims to be a channel when it is colon-separated and in
 * a namespace the package emits in (`ladder:…` for `ladder:cache:hit`); such a claim that nothing
 * emits is reported. Dotted and plain names are not read as claims: in prose, `mylib.configure`
 * is as likely an API reference as a channel, so only the emitted ones are checked.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "../typescript.cjs";

/** One discrepancy between emitted and documented channels. */
export interface TelemetryProblem {
  /** `undocumented-channel`, `unemitted-channel` or `dynamic-channel-name`. */
  readonly code: "undocumented-channel" | "unemitted-channel" | "dynamic-channel-name";
  /** The channel name (the call's text, for a dynamic name). */
  readonly channel: string;
  /** The package concerned. */
  readonly package: string;
  /** Where: the emitting call, or the package's entry file for a documented-only channel. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

/** The channel factories of `node:diagnostics_channel` that create a channel to publish on. */
const FACTORIES = new Set(["channel", "tracingChannel"]);
const MODULES = new Set(["node:diagnostics_channel", "diagnostics_channel"]);
/** A backticked span of the docs, which documents a channel of exactly that name. */
const BACKTICKED = /`([^`\n]+)`/g;
/** A colon-separated name, as undici's and this repository's channels are named. */
const COLON_NAME = /^[A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)+$/;
/** Backticked names with these first segments are module specifiers or URLs, not channels. */
const SCHEMES = new Set(["node", "npm", "jsr", "file", "data", "http", "https", "git"]);
const DOC_COMMENT = /\/\*\*[\s\S]*?\*\//g;

/** The package whose telemetry is checked. */
export interface TelemetryPackage {
  /** The package name. */
  readonly name: string;
  /** The package directory, absolute; its `src/` is searched. */
  readonly dir: string;
  /** The entry file that documented-but-not-emitted names are reported at. */
  readonly entryFile: string | undefined;
}

interface Context {
  readonly root: string;
  readonly pkg: TelemetryPackage;
}

/**
 * Compares the channels a package emits with those its docs list.
 *
 * @param program - the shared Program
 * @param root - the repository root, for relative paths
 * @param pkg - the package: its name, directory and entry file
 * @returns every discrepancy; empty when the sets match (or the package emits and documents none)
 * @example
 * ```ts
 * checkTelemetry(program, "/repo", { name: "@ladder/cache", dir: "/repo/packages/cache", entryFile });
 * ```
 */
export function checkTelemetry(
  program: ts.Program,
  root: string,
  pkg: TelemetryPackage,
): TelemetryProblem[] {
  const context: Context = { root, pkg };
  const checker = program.getTypeChecker();
  const files = program
    .getSourceFiles()
    .filter((file) => isPackageSource(pkg.dir, file.fileName) && !isTestFile(file.fileName));
  const problems: TelemetryProblem[] = [];
  const emitted = new Map<string, ts.CallExpression>();
  for (const call of files.flatMap(channelCalls)) {
    const name = literalName(call, checker);
    if (name === undefined) {
      problems.push(atCall(context, "dynamic-channel-name", call.getText(), call));
    } else if (!emitted.has(name)) emitted.set(name, call);
  }
  // A package that emits nothing passes.
  if (emitted.size === 0) return problems;
  return [...problems, ...compareWithDocs(context, emitted, backtickedSpans(files, pkg.dir))];
}

/**
 * Each emitted name the docs do not name exactly, then each claim nothing emits. A colon name in
 * the docs is a claim about this package's channels when it lies in a namespace the package emits
 * in (`ladder:` for `ladder:cache:hit`), so rubric codes such as `param:key` in prose are not
 * mistaken for channels.
 */
function compareWithDocs(
  context: Context,
  emitted: ReadonlyMap<string, ts.CallExpression>,
  spans: ReadonlySet<string>,
): TelemetryProblem[] {
  const problems: TelemetryProblem[] = [];
  for (const [name, call] of emitted) {
    if (!spans.has(name)) problems.push(atCall(context, "undocumented-channel", name, call));
  }
  const namespaces = new Set([...emitted.keys()].filter(isColonName).map(namespaceOf));
  const entry = context.pkg.entryFile ?? join(context.pkg.dir, "src");
  for (const span of spans) {
    const claimed = isColonName(span) && namespaces.has(namespaceOf(span));
    if (claimed && !emitted.has(span)) problems.push(atFile(context, span, entry));
  }
  return problems;
}

/** A colon-separated name that is not a module specifier or URL (`node:fs`, `https://…`). */
function isColonName(name: string): boolean {
  return COLON_NAME.test(name) && !SCHEMES.has(namespaceOf(name));
}

function atCall(
  { root, pkg }: Context,
  code: TelemetryProblem["code"],
  channel: string,
  call: ts.CallExpression,
): TelemetryProblem {
  const file = call.getSourceFile();
  const position = file.getLineAndCharacterOfPosition(call.getStart(file));
  return {
    code,
    channel,
    package: pkg.name,
    file: relativePath(root, file.fileName),
    line: position.line + 1,
    column: position.character + 1,
  };
}

function atFile({ root, pkg }: Context, channel: string, path: string): TelemetryProblem {
  return {
    code: "unemitted-channel",
    channel,
    package: pkg.name,
    file: relativePath(root, path),
    line: 1,
    column: 1,
  };
}

/** The first segment of a colon-separated name. */
function namespaceOf(channel: string): string {
  const colon = channel.indexOf(":");
  return colon < 0 ? channel : channel.slice(0, colon);
}

function relativePath(root: string, path: string): string {
  return relative(root, path).split(sep).join("/");
}

/** Calls of `channel(...)` / `tracingChannel(...)` imported from diagnostics_channel. */
function channelCalls(file: ts.SourceFile): ts.CallExpression[] {
  const { named, namespaces } = diagnosticsImports(file);
  if (named.size === 0 && namespaces.size === 0) return [];
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isFactory(node.expression, named, namespaces))
      calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}

function isFactory(callee: ts.Expression, named: Set<string>, namespaces: Set<string>): boolean {
  if (ts.isIdentifier(callee)) return named.has(callee.text);
  return (
    ts.isPropertyAccessExpression(callee) &&
    FACTORIES.has(callee.name.text) &&
    namespaces.has(callee.expression.getText())
  );
}

function diagnosticsImports(file: ts.SourceFile): {
  named: Set<string>;
  namespaces: Set<string>;
} {
  const named = new Set<string>();
  const namespaces = new Set<string>();
  for (const clause of diagnosticsImportClauses(file)) {
    if (clause.name !== undefined) namespaces.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings === undefined) continue;
    if (ts.isNamespaceImport(bindings)) {
      namespaces.add(bindings.name.text);
      continue;
    }
    for (const element of bindings.elements) {
      if (FACTORIES.has((element.propertyName ?? element.name).text))
        named.add(element.name.text);
    }
  }
  return { named, namespaces };
}

/** The import clauses of `import … from "node:diagnostics_channel"`. */
function diagnosticsImportClauses(file: ts.SourceFile): ts.ImportClause[] {
  return file.statements
    .filter(ts.isImportDeclaration)
    .filter((d) => ts.isStringLiteral(d.moduleSpecifier) && MODULES.has(d.moduleSpecifier.text))
    .map((d) => d.importClause)
    .filter((clause) => clause !== undefined);
}

function literalName(call: ts.CallExpression, checker: ts.TypeChecker): string | undefined {
  const [argument] = call.arguments;
  if (argument === undefined) return undefined;
  const type = checker.getTypeAtLocation(argument);
  return type.isStringLiteral() ? type.value : undefined;
}

/** Every backticked span of the package's TSDoc comments and README, in the order they appear. */
function backtickedSpans(files: readonly ts.SourceFile[], dir: string): Set<string> {
  const texts = files.flatMap((file) => file.text.match(DOC_COMMENT) ?? []);
  const readme = join(dir, "README.md");
  if (existsSync(readme)) texts.push(readFileSync(readme, "utf8"));
  const spans = new Set<string>();
  for (const text of texts) {
    for (const [, span = ""] of text.matchAll(BACKTICKED)) spans.add(span);
  }
  return spans;
}

/** A file under the package's `src/` (not in node_modules, not another package's). */
function isPackageSource(dir: string, path: string): boolean {
  const parts = relative(dir, path).split(sep);
  return parts[0] === "src" && !parts.includes("node_modules");
}

function isTestFile(path: string): boolean {
  return /\.(test|spec)\.[cm]?tsx?$/.test(path);
}
