/**
 * Which TSDoc tags a file's comments may use: the standard ones, or those of the repository's
 * `tsdoc.json` (custom tags, `extends`, `noStandardTags`, `supportForTags`), loaded with
 * `@microsoft/tsdoc-config`, the loader api-extractor and eslint-plugin-tsdoc use.
 *
 * A file's `tsdoc.json` is found as that loader finds it: in the nearest folder above the file
 * that holds a `tsconfig.json` or a `package.json` (so each package has its own; one at the
 * repository root reaches a package only through `extends`). The folders are walked here rather
 * than by the library, so a repository without any `tsdoc.json` never loads it (with its JSON
 * schema validator, about as much start-up time as the TSDoc parser itself).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type * as TsdocLibrary from "@microsoft/tsdoc";
import type { TSDocConfiguration } from "@microsoft/tsdoc";
import type * as TsdocConfigLibrary from "@microsoft/tsdoc-config";

/** The tags one group of files may use. */
export interface TsdocDialect {
  /**
   * Identifies the dialect in caches: a hash of the `tsdoc.json` and of every file it extends,
   * or `""` for the standard tags.
   */
  readonly key: string;
  /** The `tsdoc.json` that defines it, absolute; `undefined` for the standard tags. */
  readonly configFile: string | undefined;
  /** What the loader reported about the file or a file it extends; empty when it loaded cleanly. */
  readonly problems: readonly string[];
  /** Applies the dialect to a parser configuration; `undefined` for the standard tags. */
  readonly configure: ((configuration: TSDocConfiguration) => void) | undefined;
}

/** The standard TSDoc tags: what a file without a `tsdoc.json` is read with. */
export const STANDARD_DIALECT: TsdocDialect = {
  key: "",
  configFile: undefined,
  problems: [],
  configure: undefined,
};

/** Finds the dialect of each file, and lists the `tsdoc.json` files it loaded. */
export interface DialectResolver {
  /**
   * The dialect of one source file.
   *
   * @param file - the file, absolute
   * @returns its dialect
   */
  readonly dialectOf: (file: string) => TsdocDialect;
  /**
   * The dialects of the `tsdoc.json` files found so far.
   *
   * @returns them, in the order they were found
   */
  readonly loaded: () => readonly TsdocDialect[];
}

/**
 * Creates a resolver for one run: it remembers each folder's `tsdoc.json`, so an edited file is
 * seen by the next run, and the files of one folder cost one lookup.
 *
 * @returns the resolver
 * @example
 * ```ts
 * const { dialectOf } = createDialectResolver();
 * dialectOf("/repo/src/index.ts").configFile; // "/repo/tsdoc.json"
 * ```
 */
export function createDialectResolver(): DialectResolver {
  const byFolder = new Map<string, TsdocDialect>();
  const byConfig = new Map<string, TsdocDialect>();
  const dialectOf = (file: string): TsdocDialect => {
    const folder = dirname(file);
    let dialect = byFolder.get(folder);
    if (dialect === undefined) {
      const config = configFileFor(folder);
      dialect = config === undefined ? STANDARD_DIALECT : byConfig.get(config);
      if (dialect === undefined && config !== undefined) {
        dialect = loadDialect(config);
        byConfig.set(config, dialect);
      }
      byFolder.set(folder, dialect ?? STANDARD_DIALECT);
    }
    return dialect ?? STANDARD_DIALECT;
  };
  return { dialectOf, loaded: () => [...byConfig.values()] };
}

/** The `tsdoc.json` of a folder's project, when there is one (the loader's lookup). */
function configFileFor(start: string): string | undefined {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "tsconfig.json")) || existsSync(join(folder, "package.json"))) {
      const config = join(folder, "tsdoc.json");
      return existsSync(config) ? config : undefined;
    }
    if (dirname(folder) === folder) return undefined;
  }
}

type ConfigFile = TsdocConfigLibrary.TSDocConfigFile;

const require = createRequire(import.meta.url);

function loadDialect(path: string): TsdocDialect {
  const library = require("@microsoft/tsdoc-config") as typeof TsdocConfigLibrary;
  const config = library.TSDocConfigFile.loadFile(path);
  const files = configFiles(config);
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(readOrEmpty(file)).update("\0");
  const dialect = {
    key: hash.digest("hex").slice(0, 32),
    configFile: path,
    problems: [] as string[],
    configure: (configuration: TSDocConfiguration): void => {
      config.configureParser(configuration);
    },
  };
  // Some problems (a supportForTags entry naming no tag) show only once a parser is configured.
  const { TSDocConfiguration } = require("@microsoft/tsdoc") as typeof TsdocLibrary;
  config.configureParser(new TSDocConfiguration());
  dialect.problems.push(...problemsOf(config));
  return dialect;
}

/** The file and every file it extends, depth first. */
function configFiles(config: ConfigFile): string[] {
  return [config.filePath, ...config.extendsFiles.flatMap(configFiles)].filter((f) => f !== "");
}

/** The loader's messages on one line each; those of an extended file say which file. */
function problemsOf(config: ConfigFile, extended = false): string[] {
  const prefix = extended ? `${config.filePath}: ` : "";
  const own = config.log.messages.map(
    (message) => prefix + message.unformattedText.replace(/\s+/g, " ").replace(/[\s.]+$/, ""),
  );
  return [...own, ...config.extendsFiles.flatMap((base) => problemsOf(base, true))];
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
