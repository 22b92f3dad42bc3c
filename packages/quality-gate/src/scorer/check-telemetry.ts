/**
 * Rung 6, observable: the telemetry channels a package emits and the channels its docs list must be
 * the same set. Emitted means a `diagnostics_channel.channel(name)` or `tracingChannel(name)` call
 * in the package's sources whose name the type checker resolves to a string literal (a constant such
 * as `CHANNELS.hit` declared `as const` counts). Documented means a backticked channel-like name
 * (`ladder:cache:hit`) in a TSDoc comment of the package's sources or in its README.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { Node, SyntaxKind } from "ts-morph";
import type { CallExpression, Project, SourceFile } from "ts-morph";

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
/** A channel-like name: segments joined by colons, as Node's and undici's channels are named. */
const CHANNEL_NAME = /`([A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)+)`/g;
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
 * @param project - the shared ts-morph Project
 * @param root - the repository root, for relative paths
 * @param pkg - the package: its name, directory and entry file
 * @returns every discrepancy; empty when the sets match (or the package emits and documents none)
 * @example
 * ```ts
 * checkTelemetry(project, "/repo", { name: "@ladder/cache", dir: "/repo/packages/cache", entryFile });
 * ```
 */
export function checkTelemetry(
  project: Project,
  root: string,
  pkg: TelemetryPackage,
): TelemetryProblem[] {
  const context: Context = { root, pkg };
  const files = project
    .getSourceFiles()
    .filter((file) => isPackageSource(pkg.dir, file.getFilePath()) && !isTestFile(file));
  const problems: TelemetryProblem[] = [];
  const emitted = new Map<string, CallExpression>();
  for (const call of files.flatMap(channelCalls)) {
    const name = literalName(call);
    if (name === undefined)
      problems.push(atCall(context, "dynamic-channel-name", call.getText(), call));
    else if (!emitted.has(name)) emitted.set(name, call);
  }
  const documented = documentedChannels(files, pkg.dir);
  for (const [name, call] of emitted) {
    if (!documented.has(name)) problems.push(atCall(context, "undocumented-channel", name, call));
  }
  const entry = pkg.entryFile ?? join(pkg.dir, "src");
  for (const name of documented) {
    if (!emitted.has(name)) problems.push(atFile(context, name, entry));
  }
  return problems;
}

function atCall(
  { root, pkg }: Context,
  code: TelemetryProblem["code"],
  channel: string,
  call: CallExpression,
): TelemetryProblem {
  const file = call.getSourceFile();
  const { line, column } = file.getLineAndColumnAtPos(call.getStart());
  return {
    code,
    channel,
    package: pkg.name,
    file: relativePath(root, file.getFilePath()),
    line,
    column,
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

function relativePath(root: string, path: string): string {
  return relative(root, path).split(sep).join("/");
}

/** Calls of `channel(...)` / `tracingChannel(...)` imported from diagnostics_channel. */
function channelCalls(file: SourceFile): CallExpression[] {
  const { named, namespaces } = diagnosticsImports(file);
  if (named.size === 0 && namespaces.size === 0) return [];
  return file.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => {
    const callee = call.getExpression();
    if (Node.isIdentifier(callee)) return named.has(callee.getText());
    if (!Node.isPropertyAccessExpression(callee)) return false;
    return FACTORIES.has(callee.getName()) && namespaces.has(callee.getExpression().getText());
  });
}

function diagnosticsImports(file: SourceFile): { named: Set<string>; namespaces: Set<string> } {
  const named = new Set<string>();
  const namespaces = new Set<string>();
  for (const declaration of file.getImportDeclarations()) {
    if (!MODULES.has(declaration.getModuleSpecifierValue())) continue;
    for (const specifier of declaration.getNamedImports()) {
      if (FACTORIES.has(specifier.getName())) {
        named.add(specifier.getAliasNode()?.getText() ?? specifier.getName());
      }
    }
    const namespace = declaration.getNamespaceImport() ?? declaration.getDefaultImport();
    if (namespace !== undefined) namespaces.add(namespace.getText());
  }
  return { named, namespaces };
}

function literalName(call: CallExpression): string | undefined {
  const [argument] = call.getArguments();
  if (argument === undefined) return undefined;
  const type = argument.getType();
  return type.isStringLiteral() ? (type.getLiteralValue() as string) : undefined;
}

function documentedChannels(files: readonly SourceFile[], dir: string): Set<string> {
  const texts = files.flatMap((file) => file.getFullText().match(DOC_COMMENT) ?? []);
  const readme = join(dir, "README.md");
  if (existsSync(readme)) texts.push(readFileSync(readme, "utf8"));
  const names = new Set<string>();
  for (const text of texts) {
    for (const [, name = ""] of text.matchAll(CHANNEL_NAME)) {
      if (!SCHEMES.has(name.slice(0, name.indexOf(":")))) names.add(name);
    }
  }
  return names;
}

/** A file under the package's `src/` (not in node_modules, not another package's). */
function isPackageSource(dir: string, path: string): boolean {
  const parts = relative(dir, path).split(sep);
  return parts[0] === "src" && !parts.includes("node_modules");
}

function isTestFile(file: SourceFile): boolean {
  return /\.(test|spec)\.[cm]?tsx?$/.test(file.getBaseName());
}
